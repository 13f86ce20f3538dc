namespace EksAccess.Core.Text;

/// <summary>"Did you mean" suggestions: the closest candidate by edit distance, if it is close enough.</summary>
internal static class Spelling
{
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, input, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            var distance = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var allowed = Math.Max(2, Math.Min(input.Length, best?.Length ?? 0) / 3);
        return best is not null && bestDistance <= allowed ? best : null;
    }

    /// <summary>"did you mean 'x'?" or null.</summary>
    public static string? DidYouMean(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } match ? $"did you mean '{match}'?" : null;

    /// <summary>
    /// The candidate a near-miss <paramref name="key"/> most likely meant: equal ignoring case, or within two edits;
    /// never the key itself (for keys that are ignored silently, like aws-auth's, where any other match is a warning).
    /// </summary>
    public static string? NearMiss(string key, IEnumerable<string> candidates) =>
        candidates
            .Select(candidate => (Candidate: candidate, Distance: string.Equals(candidate, key, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(key.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(pair => pair.Distance <= 2 && !string.Equals(pair.Candidate, key, StringComparison.Ordinal))
            .OrderBy(pair => pair.Distance)
            .Select(pair => pair.Candidate)
            .FirstOrDefault();

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
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
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
