using System.Collections.Concurrent;
using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Identity;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Authentication;

namespace EksAccess.Core.Migration;

/// <summary>
/// Proves that nobody gains or loses access (docs/decisions/migrate.md): every principal of aws-auth, of the access
/// entries and of the logs, plus an unmapped control principal, is resolved in each state the migration passes through
/// — the cluster as it is, the switch to API_AND_CONFIG_MAP, its own entry created, the switch to the target mode — and
/// compared with the state before: authenticated or not, username, groups (system:authenticated aside) and the can-i
/// matrix of <see cref="PermissionGrid"/>. An entry changes only its own principal's identity, so checking each
/// principal after its entry is checking every entry in creation order. Only the identity sources change between the
/// states, never RBAC, so one indexed authorizer answers them all; a matrix is computed once per distinct subject, in
/// parallel, and not at all when a principal's subject is unchanged.
/// </summary>
public static class EquivalenceProver
{
    /// <summary>Roles are resolved as a session named like an instance, so that node templates render as they would for a node.</summary>
    public const string ProofSessionName = "i-0123456789abcdef0";

    public const string ControlUserName = "eksaccess-migrate-control";

    private const int ShownRequests = 20;

    public static MigrationProof Prove(MigrationInput input, ImmutableArray<PlannedEntry> planned)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Run(input, planned, States(input.Snapshot, planned, input.TargetMode));
    }

    /// <summary>
    /// The proof of one step already made: every principal of <paramref name="input"/>'s state before the migration
    /// compared with <paramref name="now"/> (a fresh read after the step), labelled <paramref name="stage"/>.
    /// </summary>
    public static MigrationProof ProveStep(MigrationInput input, ImmutableArray<PlannedEntry> planned, ClusterSnapshot now, string stage)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(now);
        return Run(input, planned, [new State(stage, new IdentityResolver(now))]);
    }

    private static MigrationProof Run(MigrationInput input, ImmutableArray<PlannedEntry> planned, List<State> states)
    {
        var before = input.Snapshot;
        var model = AccessModel.Build(before);
        var namespaces = input.Namespaces
            ?? [.. before.Namespaces.Select(n => n.Name).Concat(["default", "kube-system"]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var grid = PermissionGrid.Build(model.Resources, namespaces);
        var principals = Principals(model.Identities, before, planned, input.ObservedPrincipals);
        var byKey = planned.Select((entry, index) => (entry, index))
            .GroupBy(p => Key(p.entry.Entry.PrincipalArn), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var accepted = input.Accepted.Select(Key).ToHashSet(StringComparer.Ordinal);
        var matrices = new ConcurrentDictionary<string, Lazy<bool[]>>(StringComparer.Ordinal);

        bool[]? Matrix(Subject subject) => subject.Authorization is null
            ? null
            : matrices.GetOrAdd(subject.Key, _ => new Lazy<bool[]>(() => Evaluate(model.Authorizer, subject.Authorization, grid))).Value;

        var results = new PrincipalResult[principals.Length];
        Parallel.For(0, principals.Length, i =>
        {
            var arn = principals[i];
            var key = Key(arn);
            byKey.TryGetValue(key, out var mine);
            var first = Resolve(model.Identities, arn);
            var differences = new List<ProofDifference>();
            var reviews = new List<ReviewItem>();
            long checks = 0;
            var previous = first.Subject.Key;
            foreach (var state in states)
            {
                var now = Resolve(state.Identities, arn);
                var stage = state.Stage ?? (mine.entry is null ? "entries created" : $"entry {mine.index + 1} of {planned.Length} ({mine.entry.Source}) created");
                checks += 3 + grid.Length;
                if (string.Equals(now.Subject.Key, previous, StringComparison.Ordinal) || string.Equals(now.Subject.Key, first.Subject.Key, StringComparison.Ordinal))
                {
                    // Same subject as a state already compared: the same answers to every request.
                    previous = now.Subject.Key;
                    continue;
                }

                previous = now.Subject.Key;
                var what = new List<string>();
                if (first.Identity.Authenticated != now.Identity.Authenticated)
                {
                    what.Add(now.Identity.Authenticated ? "gains authentication" : "loses authentication");
                }
                else if (first.Identity.Authenticated)
                {
                    if (!string.Equals(first.Identity.Username, now.Identity.Username, StringComparison.Ordinal))
                    {
                        what.Add($"username '{first.Identity.Username}' → '{now.Identity.Username}'");
                    }

                    var lost = first.Identity.Groups.Except(now.Identity.Groups, StringComparer.Ordinal).ToList();
                    var gained = now.Identity.Groups.Except(first.Identity.Groups, StringComparer.Ordinal).ToList();
                    if (lost.Count + gained.Count > 0)
                    {
                        var reviewed = mine.entry is not null && gained.Count == 0 && lost.All(g => mine.entry.ReviewedGroups.Contains(g, StringComparer.Ordinal));
                        if (reviewed)
                        {
                            reviews.Add(new ReviewItem(arn, mine.entry!.Source, mine.entry.ReviewNote ?? $"groups {string.Join(", ", lost)} no longer listed"));
                        }
                        else
                        {
                            what.Add($"groups [{string.Join(", ", first.Identity.Groups)}] → [{string.Join(", ", now.Identity.Groups)}]");
                        }
                    }
                }

                var changes = Compare(Matrix(first.Subject), Matrix(now.Subject), grid);
                if (changes.Count > 0)
                {
                    what.Add($"{changes.Count} request(s) answered differently");
                }

                if (what.Count == 0)
                {
                    continue;
                }

                if (changes.Count > 0 && reviews.Count > 0)
                {
                    reviews.RemoveAt(reviews.Count - 1);
                }

                differences.Add(new ProofDifference(arn, stage, first.Identity, now.Identity, [.. what])
                {
                    Requests = [.. changes.Take(ShownRequests)],
                    RequestCount = changes.Count,
                    Accepted = accepted.Contains(key),
                });
            }

            results[i] = new PrincipalResult(differences, reviews, checks);
        });

        return new MigrationProof(
            principals.Length,
            results.Sum(r => r.Checks),
            [.. results.SelectMany(r => r.Differences)],
            [.. results.SelectMany(r => r.Reviews).DistinctBy(r => (r.PrincipalArn, r.Source))])
        {
            MatrixSize = grid.Length,
        };
    }

    /// <summary>The states after "before", in the order the migration passes through them; a null stage means "this principal's own entry created".</summary>
    private static List<State> States(ClusterSnapshot before, ImmutableArray<PlannedEntry> planned, AuthenticationMode target)
    {
        var states = new List<State>();
        var mode = before.AuthenticationMode;
        if (mode == AuthenticationMode.ConfigMap && target != AuthenticationMode.ConfigMap)
        {
            states.Add(new State($"mode {AuthenticationMode.ApiAndConfigMap.ToWire()}", new IdentityResolver(WithMode(before, AuthenticationMode.ApiAndConfigMap))));
            mode = AuthenticationMode.ApiAndConfigMap;
        }

        var withEntries = WithMode(before, mode) with { AccessEntries = [.. before.AccessEntries.IsDefault ? [] : before.AccessEntries, .. planned.Select(p => p.Entry)] };
        states.Add(new State(null, new IdentityResolver(withEntries)));
        if (target != mode && target != AuthenticationMode.ConfigMap)
        {
            states.Add(new State($"mode {target.ToWire()}", new IdentityResolver(WithMode(withEntries, target))));
        }

        return states;
    }

    /// <summary>The snapshot as it will be once these entries exist in the target mode (aws-auth as it is: migrate never edits it).</summary>
    public static ClusterSnapshot After(ClusterSnapshot before, ImmutableArray<PlannedEntry> planned, AuthenticationMode target)
    {
        ArgumentNullException.ThrowIfNull(before);
        return WithMode(before, target) with { AccessEntries = [.. before.AccessEntries.IsDefault ? [] : before.AccessEntries, .. planned.Select(p => p.Entry)] };
    }

    private static ClusterSnapshot WithMode(ClusterSnapshot snapshot, AuthenticationMode mode) => snapshot with
    {
        Cluster = snapshot.Cluster is null ? new ClusterInfo("cluster", null, mode) : snapshot.Cluster with { AuthenticationMode = mode },
    };

    private static ImmutableArray<string> Principals(IdentityResolver identities, ClusterSnapshot snapshot, ImmutableArray<PlannedEntry> planned, ImmutableArray<string> observed)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string arn)
        {
            if (IamPrincipalArn.TryParse(arn, out var principal, out _))
            {
                var canonical = principal.Canonicalize();
                if (canonical.Kind is IamPrincipalKind.Role)
                {
                    canonical = canonical.WithoutPath();
                }

                seen.TryAdd(Key(canonical.Value), canonical.Value);
            }
        }

        foreach (var role in identities.AwsAuth.MapRoles)
        {
            Add(role.RoleArn);
        }

        foreach (var user in identities.AwsAuth.MapUsers)
        {
            Add(user.UserArn);
        }

        foreach (var entry in snapshot.AccessEntries.IsDefault ? [] : snapshot.AccessEntries)
        {
            Add(entry.PrincipalArn);
        }

        foreach (var entry in planned)
        {
            Add(entry.Entry.PrincipalArn);
        }

        foreach (var arn in observed)
        {
            Add(arn);
        }

        var account = snapshot.Cluster?.AccountId
            ?? seen.Values.Select(v => IamPrincipalArn.TryParse(v, out var p, out _) ? p.AccountId : null).FirstOrDefault(a => a is not null)
            ?? "111122223333";
        Add($"arn:{snapshot.Cluster?.Partition ?? AwsPartitions.Aws}:iam::{account}:user/{ControlUserName}");
        return [.. seen.Values.Order(StringComparer.Ordinal)];
    }

    private static Resolved Resolve(IdentityResolver identities, string arn)
    {
        var resolution = identities.Resolve(arn, IamPrincipalArn.TryParse(arn, out var p, out _) && p.Kind == IamPrincipalKind.Role ? ProofSessionName : null);
        var identity = ProofIdentity.Of(resolution);
        if (resolution is not IdentityResolution.Mapped mapped)
        {
            return new Resolved(identity, new Subject("rejected", null));
        }

        var policies = mapped.Entry?.AssociatedAccessPolicies is { IsDefault: false } list ? list : [];
        var key = string.Join(
            "\n",
            [
                mapped.Username,
                string.Join(",", mapped.Groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
                string.Join(",", policies.Select(a => $"{a.PolicyArn}|{a.AccessScope.Type}|{string.Join(" ", a.AccessScope.Namespaces.Order(StringComparer.Ordinal))}").Order(StringComparer.Ordinal)),
            ]);
        return new Resolved(identity, new Subject(key, new AuthorizationSubject(mapped.ToUserInfo(), policies)));
    }

    private static bool[] Evaluate(KubernetesAuthorizer authorizer, AuthorizationSubject subject, ImmutableArray<AccessRequest> grid)
    {
        var allowed = new bool[grid.Length];
        for (var r = 0; r < grid.Length; r++)
        {
            allowed[r] = authorizer.Authorize(subject, grid[r]).Allowed;
        }

        return allowed;
    }

    private static List<RequestChange> Compare(bool[]? before, bool[]? after, ImmutableArray<AccessRequest> grid)
    {
        var changes = new List<RequestChange>();
        for (var r = 0; r < grid.Length; r++)
        {
            var was = before?[r] ?? false;
            var now = after?[r] ?? false;
            if (was != now)
            {
                changes.Add(new RequestChange(grid[r].ToString(), was, now));
            }
        }

        return changes;
    }

    private static string Key(string arn) => MigrationPlanner.Key(
        IamPrincipalArn.TryParse(arn, out var principal, out _) && principal.Kind == IamPrincipalKind.Role ? principal.WithoutPath().Value : arn);

    private sealed record State(string? Stage, IdentityResolver Identities);

    private sealed record Subject(string Key, AuthorizationSubject? Authorization);

    private sealed record Resolved(ProofIdentity Identity, Subject Subject);

    private sealed record PrincipalResult(List<ProofDifference> Differences, List<ReviewItem> Reviews, long Checks);
}
