using System.Collections.Immutable;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Authentication;

namespace EksAccess.Core.Risks;

/// <summary>
/// Every active IAM principal of the model, resolved as whoami resolves it, indexed by the Kubernetes username and the
/// groups it becomes: the way back from a binding's subject to the ARNs that reach it.
/// </summary>
public sealed class PrincipalIndex
{
    private readonly Dictionary<string, List<PrincipalPath>> _byUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PrincipalPath>> _byGroup = new(StringComparer.Ordinal);

    public PrincipalIndex(AccessModel model, RiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var mapped = ImmutableArray.CreateBuilder<(KnownPrincipal Known, IdentityResolution.Mapped Identity, PrincipalPath Path)>();
        foreach (var known in model.Identities.KnownPrincipals().Where(p => p.Status == KnownPrincipalStatus.Active && p.Resolution is IdentityResolution.Mapped))
        {
            // A wildcard (mapAccounts) resolves for any principal of the account; its own resolution stands for them all.
            var identity = known.IsWildcard ? (IdentityResolution.Mapped)known.Resolution : model.Identities.Resolve(known.Principal) as IdentityResolution.Mapped;
            if (identity is null)
            {
                continue; // A username EKS cannot render offline (a node's {{EC2PrivateDNSName}}) admits nobody we can name.
            }

            var path = new PrincipalPath(known.Principal, Steps(known.Principal, identity, options));
            mapped.Add((known, identity, path));
            Add(_byUser, identity.Username, path);
            foreach (var group in identity.Groups)
            {
                Add(_byGroup, group, path);
            }
        }

        Principals = mapped.ToImmutable();
    }

    public ImmutableArray<(KnownPrincipal Known, IdentityResolution.Mapped Identity, PrincipalPath Path)> Principals { get; }

    public bool MapsUser(string name) => _byUser.ContainsKey(name);

    public bool MapsGroup(string name) => _byGroup.ContainsKey(name);

    /// <summary>The principals that become the subject (none for service accounts: IAM does not reach them).</summary>
    public ImmutableArray<PrincipalPath> Reaching(RiskSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var index = subject.Kind switch
        {
            "User" => _byUser,
            "Group" => _byGroup,
            _ => null,
        };
        return index is not null && index.TryGetValue(subject.Name, out var paths) ? [.. paths] : [];
    }

    private static ImmutableArray<string> Steps(string arn, IdentityResolution.Mapped identity, RiskOptions options)
    {
        var steps = ImmutableArray.CreateBuilder<string>();
        if (options.AssumedBy.TryGetValue(arn, out var groups))
        {
            steps.AddRange(groups.Select(g => $"{g} may assume"));
        }

        steps.Add(arn);
        steps.Add(identity.MatchedBy);
        steps.Add($"username \"{identity.Username}\", groups [{string.Join(", ", identity.Groups)}]");
        return steps.ToImmutable();
    }

    private static void Add(Dictionary<string, List<PrincipalPath>> index, string key, PrincipalPath path)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index.Add(key, list);
        }

        list.Add(path);
    }
}
