namespace EksAccess.Core.Identity;

/// <summary>Levenshtein distance, for "did you mean" hints on near-miss keys.</summary>
internal static class TextDistance
{
    public static int Between(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>The candidate <paramref name="key"/> most likely meant: equal ignoring case, or within two edits.</summary>
    public static string? NearMiss(string key, IEnumerable<string> candidates) =>
        candidates
            .Select(candidate => (Candidate: candidate, Distance: string.Equals(candidate, key, StringComparison.OrdinalIgnoreCase) ? 0 : Between(key.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(pair => pair.Distance <= 2 && !string.Equals(pair.Candidate, key, StringComparison.Ordinal))
            .OrderBy(pair => pair.Distance)
            .Select(pair => pair.Candidate)
            .FirstOrDefault();
}
