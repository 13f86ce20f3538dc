namespace EksAccess.Core.Authorization;

/// <summary>
/// What <c>kubectl auth can-i</c> would send for a TYPE argument: <see cref="Resource"/> and <see cref="Group"/>.
/// When discovery does not know the type, <see cref="Known"/> is false, the resource is the argument as typed, the
/// group is "" and <see cref="Warning"/> carries kubectl's warning (none for <c>users</c>/<c>groups</c>, which
/// exist only for impersonation). <see cref="Namespaced"/> is null when unknown.
/// </summary>
public sealed record ResolvedResource(string Resource, string Group, bool Known)
{
    public string? Kind { get; init; }

    public bool? Namespaced { get; init; }

    public string? Warning { get; init; }
}
