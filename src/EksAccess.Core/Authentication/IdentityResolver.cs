using System.Collections.Immutable;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Text;
using EksAccess.Core.AwsAuth;
using EksAccess.Core.Diagnostics;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Authentication;

/// <summary>
/// The authentication half of EKS, offline: built once from a snapshot (authentication mode, access entries,
/// aws-auth), indexed so that <see cref="Resolve"/> is a few dictionary lookups. It runs aws-iam-authenticator's
/// mapper chain (doMapping): in API mode access entries only; in API_AND_CONFIG_MAP access entries first, then
/// aws-auth (an entry wins even when it grants nothing); in CONFIG_MAP aws-auth only. The first mapping that matches
/// decides: if rendering its templates fails, the caller is rejected, with no fall-through to the next source.
/// </summary>
public sealed class IdentityResolver
{
    /// <summary>The session name of tokens from <c>aws eks get-token --role-arn</c> / <c>update-kubeconfig --role-arn</c>.</summary>
    public const string DefaultSessionName = "EKSGetTokenAuth";

    private const string AccessEntriesFile = "access-entries";

    private readonly Dictionary<string, EntryMapping> _entries = new(StringComparer.Ordinal);
    private readonly List<EntryMapping> _allEntries = [];
    private readonly List<(AccessEntry Entry, string Reason)> _unusableEntries = [];
    private readonly Dictionary<string, AwsAuthRoleMapping> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AwsAuthUserMapping>> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AwsAuthAccountMapping> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AwsAuthRoleMapping> _pathedRoles = new(StringComparer.Ordinal);
    private readonly string _partition;
    private readonly Lazy<ImmutableArray<KnownPrincipal>> _knownPrincipals;

    public IdentityResolver(ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);

        Mode = snapshot.AuthenticationMode;
        _partition = snapshot.Cluster?.Partition ?? AwsPartitions.Aws;
        AwsAuth = snapshot.AwsAuth is null ? AwsAuthMappings.Empty : AwsAuthParser.Parse(snapshot.AwsAuth);

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        IndexAccessEntries(snapshot.AccessEntries.IsDefault ? [] : snapshot.AccessEntries, diagnostics);
        IndexAwsAuth();
        diagnostics.AddRange(AwsAuth.Diagnostics);
        Diagnostics = diagnostics.ToImmutable();
        _knownPrincipals = new Lazy<ImmutableArray<KnownPrincipal>>(BuildKnownPrincipals);
    }

    public AuthenticationMode Mode { get; }

    /// <summary>aws-auth as the authenticator reads it (empty when the snapshot has none).</summary>
    public AwsAuthMappings AwsAuth { get; }

    /// <summary>Problems with the access entries and aws-auth: dropped, ignored and never-matching mappings.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    private bool UsesAccessEntries => Mode != AuthenticationMode.ConfigMap;

    private bool UsesAwsAuth => Mode != AuthenticationMode.Api;

    /// <summary>
    /// Who <paramref name="principalArn"/> becomes. An IAM role ARN is taken as a session of that role, named
    /// <paramref name="sessionName"/> or <see cref="DefaultSessionName"/>; an assumed-role ARN carries its own session name.
    /// </summary>
    /// <exception cref="InvalidPrincipalException">The input is not an IAM/STS principal ARN, or the session name is invalid or contradicts the ARN.</exception>
    public IdentityResolution Resolve(string principalArn, string? sessionName = null)
    {
        if (!IamPrincipalArn.TryParse(principalArn, out var principal, out var error))
        {
            throw new InvalidPrincipalException(error);
        }

        if (sessionName is not null && !IamPrincipalArn.IsValidSessionName(sessionName))
        {
            throw new InvalidPrincipalException(
                $"{Echo.Quote(sessionName)} is not a role session name: 2-64 characters of letters, digits and +=,.@_- (STS AssumeRole RoleSessionName)");
        }

        var notes = new List<string>();
        switch (principal.Kind)
        {
            case IamPrincipalKind.Role:
                var session = sessionName ?? DefaultSessionName;
                var caller = principal.ToAssumedRoleSession(session);
                if (principal.HasPath)
                {
                    notes.Add($"STS reports sessions of {principal.Value} without the role path, as {caller.Value}");
                }

                return ResolveCaller(caller, caller.Value, session, notes, sessionIsDefault: sessionName is null);

            case IamPrincipalKind.AssumedRole:
                if (sessionName is not null && !string.Equals(sessionName, principal.SessionName, StringComparison.Ordinal))
                {
                    throw new InvalidPrincipalException(
                        $"session name {Echo.Quote(sessionName)} contradicts the session '{principal.SessionName}' in {principal.Value}: drop --session-name or use the role ARN");
                }

                return ResolveCaller(principal, principal.Value, principal.SessionName, notes, sessionIsDefault: false);

            default:
                if (sessionName is not null)
                {
                    notes.Add($"the session name '{sessionName}' is ignored: {DescribeKind(principal)} has no role session");
                }

                return ResolveCaller(principal, principal.Value, SessionNameOf(principal), notes, sessionIsDefault: false);
        }
    }

    /// <summary>
    /// Every principal the snapshot names, with its status under the authentication mode and what it resolves to.
    /// Roles are resolved with an unknown session name, so <c>{{SessionName}}</c> stays visible in usernames.
    /// </summary>
    public IEnumerable<KnownPrincipal> KnownPrincipals() => _knownPrincipals.Value;

    private IdentityResolution ResolveCaller(IamPrincipalArn caller, string callerArn, string? sessionName, List<string> notes, bool sessionIsDefault)
    {
        var canonical = caller.Canonicalize();
        var key = Key(canonical.Value);
        AddPrincipalNotes(caller, notes);

        _entries.TryGetValue(key, out var entry);
        _roles.TryGetValue(key, out var role);
        _users.TryGetValue(key, out var users);
        var awsAuthMatch = role is not null ? role.Describe() : users?[^1].Describe();

        IdentityResolution Reject(string reason) => new IdentityResolution.Rejected
        {
            CallerArn = callerArn,
            CanonicalArn = canonical.Value,
            SessionName = sessionName,
            Notes = [.. notes],
            Reason = reason,
        };

        if (entry is not null)
        {
            if (UsesAccessEntries)
            {
                if (awsAuthMatch is not null && UsesAwsAuth)
                {
                    notes.Add($"{awsAuthMatch} also maps this principal, but the access entry overrides it");
                }

                return FromEntry(entry, caller, callerArn, canonical, sessionName, notes, sessionIsDefault, Reject);
            }

            notes.Add($"access entry {entry.Entry.PrincipalArn} is ignored: authentication mode CONFIG_MAP reads only aws-auth");
        }

        if (UsesAwsAuth)
        {
            if (_pathedRoles.TryGetValue(key, out var pathed) && role is null)
            {
                notes.Add($"{pathed.Describe()} names this role with a path; the authenticator compares {canonical.Value} and never matches it — write the rolearn without the path");
            }

            if (role is not null)
            {
                return FromAwsAuth(role, user: null, caller, callerArn, canonical, sessionName, notes, sessionIsDefault, Reject);
            }

            if (users is not null)
            {
                var user = users[^1];
                if (users.Count > 1)
                {
                    notes.Add($"aws-auth {string.Join(", ", users.Select(u => $"mapUsers[{u.Index}]"))} name this user in different letter case; EKS picks one of them at random for each request (shown: mapUsers[{user.Index}])");
                }

                return FromAwsAuth(role: null, user, caller, callerArn, canonical, sessionName, notes, sessionIsDefault, Reject);
            }

            if (_accounts.TryGetValue(caller.AccountId, out var account))
            {
                return new IdentityResolution.Mapped
                {
                    CallerArn = callerArn,
                    CanonicalArn = canonical.Value,
                    SessionName = sessionName,
                    Notes = [.. notes],
                    Username = canonical.Value,
                    Groups = [IdentityResolution.AuthenticatedGroup],
                    Source = IdentityResolution.AwsAuthSource,
                    MatchedBy = account.Describe(),
                    AccountMapping = account,
                };
            }
        }
        else if (awsAuthMatch is not null)
        {
            notes.Add($"{awsAuthMatch} is ignored: authentication mode API reads only access entries");
        }

        var reason = Mode switch
        {
            AuthenticationMode.Api => $"identity is not mapped: {canonical.Value} is in no access entry (authentication mode API; aws-auth is ignored)",
            AuthenticationMode.ConfigMap => $"identity is not mapped: {canonical.Value} is in no aws-auth mapping (authentication mode CONFIG_MAP; access entries are ignored)",
            _ => $"identity is not mapped: {canonical.Value} is in no access entry and no aws-auth mapping (authentication mode API_AND_CONFIG_MAP)",
        };
        if (Mode == AuthenticationMode.ConfigMap)
        {
            notes.Add("in CONFIG_MAP mode the cluster creator is mapped to system:masters invisibly; a snapshot cannot show it");
        }

        return Reject(reason);
    }

    private static IdentityResolution FromEntry(
        EntryMapping mapping, IamPrincipalArn caller, string callerArn, IamPrincipalArn canonical, string? sessionName,
        List<string> notes, bool sessionIsDefault, Func<string, IdentityResolution> reject)
    {
        notes.AddRange(mapping.Notes);
        if (mapping.Rejection is not null)
        {
            return reject($"{mapping.DescribedAs} cannot authenticate: {mapping.Rejection}");
        }

        var context = new UsernameTemplateContext(caller.AccountId, sessionName);
        var rendered = Render(mapping.Username!, mapping.Groups, context, notes);
        if (rendered.Error is not null)
        {
            return reject($"{mapping.DescribedAs}: {rendered.Error}");
        }

        AddSessionNotes(mapping.Username!, mapping.Groups, sessionName, sessionIsDefault, notes);
        return new IdentityResolution.Mapped
        {
            CallerArn = callerArn,
            CanonicalArn = canonical.Value,
            SessionName = sessionName,
            Notes = [.. notes],
            Username = rendered.Username!,
            Groups = WithAuthenticatedGroup(rendered.Groups),
            Source = IdentityResolution.AccessEntrySource,
            MatchedBy = mapping.DescribedAs,
            Entry = mapping.Entry,
        };
    }

    private static IdentityResolution FromAwsAuth(
        AwsAuthRoleMapping? role, AwsAuthUserMapping? user, IamPrincipalArn caller, string callerArn, IamPrincipalArn canonical,
        string? sessionName, List<string> notes, bool sessionIsDefault, Func<string, IdentityResolution> reject)
    {
        var username = role is not null ? role.Username : user!.Username;
        var groups = role is not null ? role.Groups : user!.Groups;
        var describedAs = role is not null ? role.Describe() : user!.Describe();
        // The authenticator renders a missing username as "". UNSURE (docs/reference/eks-semantics.md §f) how EKS treats it today;
        // issue reports say the caller is authenticated and its groups apply, so this reports it as mapped and says so.
        var template = username ?? "";
        var context = new UsernameTemplateContext(caller.AccountId, sessionName);
        var rendered = Render(template, groups, context, notes);
        if (rendered.Error is not null)
        {
            return reject($"{describedAs}: {rendered.Error}");
        }

        if (rendered.Username!.Length == 0)
        {
            notes.Add("the mapping sets no username: EKS authenticates it with an empty username (reported to work except for aggregated APIs such as kubectl top; UNSURE today) — set one");
        }

        AddSessionNotes(template, groups, sessionName, sessionIsDefault, notes);
        return new IdentityResolution.Mapped
        {
            CallerArn = callerArn,
            CanonicalArn = canonical.Value,
            SessionName = sessionName,
            Notes = [.. notes],
            Username = rendered.Username,
            Groups = WithAuthenticatedGroup(rendered.Groups),
            Source = IdentityResolution.AwsAuthSource,
            MatchedBy = describedAs,
            RoleMapping = role,
            UserMapping = user,
        };
    }

    /// <summary>renderTemplates: the username, then every group; the first failure is the error.</summary>
    private static (string? Username, ImmutableArray<string> Groups, string? Error) Render(
        string username, ImmutableArray<string> groups, UsernameTemplateContext context, List<string> notes)
    {
        var user = UsernameTemplate.Render(username, context);
        if (!user.Succeeded)
        {
            return (null, [], $"error rendering username template \"{username}\": {user.Error}");
        }

        notes.AddRange(user.Notes.Where(note => !notes.Contains(note, StringComparer.Ordinal)));
        var rendered = ImmutableArray.CreateBuilder<string>(groups.Length);
        foreach (var group in groups)
        {
            var result = UsernameTemplate.Render(group, context);
            if (!result.Succeeded)
            {
                return (null, [], $"error rendering group template \"{group}\": {result.Error}");
            }

            notes.AddRange(result.Notes.Where(note => !notes.Contains(note, StringComparer.Ordinal)));
            rendered.Add(result.Value);
        }

        return (user.Value, rendered.MoveToImmutable(), null);
    }

    private static void AddSessionNotes(string username, ImmutableArray<string> groups, string? sessionName, bool sessionIsDefault, List<string> notes)
    {
        if (!UsernameTemplate.DependsOnSessionName(username) && !groups.Any(UsernameTemplate.DependsOnSessionName))
        {
            return;
        }

        if (sessionName is null)
        {
            notes.Add("the username depends on the role session name, which whoever assumes the role chooses; it is left as a placeholder");
        }
        else if (sessionIsDefault)
        {
            notes.Add($"resolved as role session '{sessionName}', the session name of `aws eks get-token --role-arn` tokens; other sessions get other usernames");
        }
    }

    private static ImmutableArray<string> WithAuthenticatedGroup(ImmutableArray<string> groups) =>
        groups.Contains(IdentityResolution.AuthenticatedGroup, StringComparer.Ordinal) ? groups : groups.Add(IdentityResolution.AuthenticatedGroup);

    private static void AddPrincipalNotes(IamPrincipalArn caller, List<string> notes)
    {
        switch (caller.Kind)
        {
            case IamPrincipalKind.Root:
                notes.Add("the account root user cannot have an access entry; only aws-auth (mapUsers with its ARN, or mapAccounts) maps it");
                break;
            case IamPrincipalKind.FederatedUser:
                notes.Add("an STS federated user cannot have an access entry; only aws-auth (an entry with this exact ARN, or mapAccounts) maps it");
                break;
        }

        var canonical = caller.Canonicalize();
        if (canonical.Kind == IamPrincipalKind.Role && canonical.Name.StartsWith("AWSServiceRoleFor", StringComparison.Ordinal))
        {
            notes.Add("this looks like a service-linked role: only its AWS service can assume it");
        }
    }

    private static string? SessionNameOf(IamPrincipalArn principal) => principal.Kind switch
    {
        IamPrincipalKind.AssumedRole => principal.SessionName,
        // GetCallerIdentity's UserId is "<account>:<name>" for a federated user; the part after ':' is the session name.
        IamPrincipalKind.FederatedUser => principal.Name,
        _ => "",
    };

    private static string DescribeKind(IamPrincipalArn principal) => principal.Kind switch
    {
        IamPrincipalKind.User => "an IAM user",
        IamPrincipalKind.Root => "the account root user",
        IamPrincipalKind.FederatedUser => "a federated user",
        _ => "this principal",
    };

    private static string Key(string arn) => arn.ToLowerInvariant();

    private void IndexAccessEntries(ImmutableArray<AccessEntry> entries, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        foreach (var entry in entries)
        {
            var location = LocateEntry(entry);
            if (!IamPrincipalArn.TryParse(entry.PrincipalArn, out var principal, out var error))
            {
                diagnostics.Add(new Diagnostic(location, $"access entry principalArn never matches a caller: {error}", "use the IAM role or user ARN"));
                _unusableEntries.Add((entry, error));
                continue;
            }

            if (principal.Kind is not (IamPrincipalKind.Role or IamPrincipalKind.User))
            {
                var reason = $"{principal.Value} is {DescribeKindForEntry(principal)}; EKS accepts only IAM role and user ARNs as access entry principals";
                diagnostics.Add(new Diagnostic(location, $"access entry {reason}", "create the entry for the IAM role or user"));
                _unusableEntries.Add((entry, reason));
                continue;
            }

            var mapping = CreateEntryMapping(entry, principal, location);
            var key = Key(principal.WithoutPath().Value);
            if (_entries.TryGetValue(key, out var previous))
            {
                diagnostics.Add(new Diagnostic(
                    previous.Location,
                    $"access entry {previous.Entry.PrincipalArn} is overridden by access entry {entry.PrincipalArn} for the same principal; EKS holds one entry per principal",
                    "remove the duplicate"));
                previous.OverriddenBy = mapping;
            }

            _entries[key] = mapping;
            _allEntries.Add(mapping);
        }
    }

    private static string DescribeKindForEntry(IamPrincipalArn principal) => principal.Kind switch
    {
        IamPrincipalKind.AssumedRole => "an STS session ARN (a session is temporary, not a principal)",
        IamPrincipalKind.FederatedUser => "an STS federated user",
        _ => "the account root user",
    };

    private static SourceLocation LocateEntry(AccessEntry entry)
    {
        var location = AwsAuthLocator.ParseSource(entry.Source);
        return location.File.Length == 0 ? new SourceLocation(AccessEntriesFile, 0, 0) : location;
    }

    /// <summary>The username/groups EKS uses for an entry (§b defaults and restrictions), or why it cannot authenticate.</summary>
    private static EntryMapping CreateEntryMapping(AccessEntry entry, IamPrincipalArn principal, SourceLocation location)
    {
        var type = AccessEntryDefaults.NormalizeType(entry.Type);
        var notes = new List<string>();
        var describedAs = $"access entry {entry.PrincipalArn} (type {type})";
        var mapping = new EntryMapping(entry, principal, type, describedAs, location);
        var defaultUsername = AccessEntryDefaults.Username(type, principal);

        if (string.Equals(type, AccessEntryDefaults.Standard, StringComparison.Ordinal))
        {
            mapping.Username = entry.Username ?? defaultUsername;
            var isEksManaged = principal.IsServiceLinkedRole;
            if (entry.Username is not null && !string.Equals(entry.Username, defaultUsername, StringComparison.Ordinal) && !isEksManaged)
            {
                var restriction = AccessEntryDefaults.UsernameRestriction(entry.Username);
                if (restriction is not null)
                {
                    // A real cluster cannot hold this entry (CreateAccessEntry refuses it): the safer answer is to reject.
                    mapping.Rejection = $"its username '{entry.Username}' is one EKS refuses ({restriction})";
                }
            }

            var groups = ImmutableArray.CreateBuilder<string>();
            foreach (var group in entry.KubernetesGroups.IsDefault ? [] : entry.KubernetesGroups)
            {
                if (group.StartsWith(AccessEntryDefaults.ReservedGroupPrefix, StringComparison.Ordinal) && !isEksManaged)
                {
                    notes.Add($"kubernetesGroups '{group}' is left out: EKS refuses groups starting with 'system:' on access entries");
                    continue;
                }

                groups.Add(group);
            }

            mapping.Groups = groups.ToImmutable();
        }
        else if (!AccessEntryDefaults.IsKnownType(type))
        {
            mapping.Username = entry.Username;
            mapping.Groups = entry.KubernetesGroups.IsDefault ? [] : entry.KubernetesGroups;
            notes.Add($"access entry type '{type}' is not one eksaccess knows; the snapshot's username and groups are used as they are");
            if (entry.Username is null)
            {
                mapping.Rejection = $"the default username of type '{type}' is not documented (eksaccess does not guess a username)";
            }
        }
        else if (principal.Kind != IamPrincipalKind.Role)
        {
            mapping.Rejection = $"type {type} accepts only IAM roles, and {principal.Value} is a user";
        }
        else
        {
            var snapshotGroups = entry.KubernetesGroups.IsDefault ? [] : entry.KubernetesGroups;
            mapping.Username = defaultUsername ?? entry.Username;
            if (defaultUsername is not null && entry.Username is not null && !string.Equals(entry.Username, defaultUsername, StringComparison.Ordinal))
            {
                notes.Add($"the snapshot's username '{entry.Username}' is not used: EKS fixes the username of {type} entries to '{defaultUsername}'");
            }

            if (mapping.Username is null)
            {
                // UNSURE (docs/reference/eks-semantics.md §b): the username of EC2 (Auto Mode) and HYPERPOD_LINUX entries is not documented.
                mapping.Rejection = $"the username EKS gives {type} entries is not documented and the snapshot names none (eksaccess does not guess a username)";
            }

            switch (type)
            {
                case AccessEntryDefaults.Ec2Linux or AccessEntryDefaults.Ec2Windows:
                    mapping.Groups = AccessEntryDefaults.Groups(type);
                    if (snapshotGroups.Length > 0 && !snapshotGroups.SequenceEqual(mapping.Groups, StringComparer.Ordinal))
                    {
                        notes.Add($"the snapshot's kubernetesGroups [{string.Join(", ", snapshotGroups)}] are not used: EKS fixes {type} entries to [{string.Join(", ", mapping.Groups)}]");
                    }

                    break;
                case AccessEntryDefaults.FargateLinux or AccessEntryDefaults.HybridLinux:
                    mapping.Groups = snapshotGroups;
                    if (snapshotGroups.IsEmpty)
                    {
                        // UNSURE (docs/reference/eks-semantics.md §b): EKS does not document these groups; no groups is the safer answer.
                        notes.Add($"EKS does not document the groups of {type} entries; eksaccess assumes none");
                    }

                    break;
                default:
                    mapping.Groups = snapshotGroups;
                    break;
            }
        }

        var policies = entry.AssociatedAccessPolicies.IsDefault ? [] : entry.AssociatedAccessPolicies;
        if (!policies.IsEmpty && !string.Equals(type, AccessEntryDefaults.Standard, StringComparison.Ordinal)
            && !string.Equals(type, AccessEntryDefaults.Ec2, StringComparison.Ordinal))
        {
            notes.Add($"EKS associates access policies only with STANDARD entries (and AmazonEKSAutoNodePolicy with EC2 entries); this {type} entry lists {policies.Length}");
        }

        mapping.Notes = [.. notes];
        return mapping;
    }

    private void IndexAwsAuth()
    {
        foreach (var role in AwsAuth.MapRoles)
        {
            _roles[Key(role.RoleArn)] = role;
            if (IamPrincipalArn.TryParse(role.RoleArn, out var principal, out _) && principal.Kind == IamPrincipalKind.Role && principal.HasPath)
            {
                _pathedRoles.TryAdd(Key(principal.WithoutPath().Value), role);
            }
        }

        // Stored by the ARN as written (exact duplicates: last wins); lookups compare case-insensitively.
        var lastPerExactArn = new Dictionary<string, AwsAuthUserMapping>(StringComparer.Ordinal);
        foreach (var user in AwsAuth.MapUsers)
        {
            lastPerExactArn.Remove(user.UserArn);
            lastPerExactArn[user.UserArn] = user;
        }

        foreach (var user in lastPerExactArn.Values.OrderBy(user => user.Index))
        {
            var key = Key(user.UserArn);
            if (!_users.TryGetValue(key, out var list))
            {
                _users[key] = list = [];
            }

            list.Add(user);
        }

        foreach (var account in AwsAuth.AccountMappings)
        {
            _accounts.TryAdd(account.AccountId, account);
        }
    }

    private ImmutableArray<KnownPrincipal> BuildKnownPrincipals()
    {
        var result = ImmutableArray.CreateBuilder<KnownPrincipal>();
        foreach (var mapping in _allEntries)
        {
            var (status, reason) = !UsesAccessEntries
                ? (KnownPrincipalStatus.Inactive, "authentication mode CONFIG_MAP ignores access entries")
                : mapping.OverriddenBy is not null
                    ? (KnownPrincipalStatus.Shadowed, $"overridden by {mapping.OverriddenBy.DescribedAs}")
                    : (KnownPrincipalStatus.Active, (string?)null);
            result.Add(new KnownPrincipal(mapping.Entry.PrincipalArn, KnownPrincipalSource.AccessEntry, mapping.DescribedAs, status, reason, ResolveKnown(mapping.Principal)));
        }

        foreach (var (entry, why) in _unusableEntries)
        {
            var described = $"access entry {entry.PrincipalArn} (type {AccessEntryDefaults.NormalizeType(entry.Type)})";
            result.Add(new KnownPrincipal(entry.PrincipalArn, KnownPrincipalSource.AccessEntry, described, KnownPrincipalStatus.NeverMatches, why, ResolveKnown(entry.PrincipalArn)));
        }

        foreach (var role in AwsAuth.MapRoles)
        {
            var (status, reason) = AwsAuthStatus(role.RoleArn, () =>
                !ReferenceEquals(_roles[Key(role.RoleArn)], role) ? $"overridden by {_roles[Key(role.RoleArn)].Describe()}" : null);
            result.Add(new KnownPrincipal(role.RoleArn, KnownPrincipalSource.AwsAuthMapRoles, role.Describe(), status, reason, ResolveKnown(role.RoleArn)));
        }

        foreach (var user in AwsAuth.MapUsers)
        {
            var (status, reason) = AwsAuthStatus(user.UserArn, () =>
            {
                var key = Key(user.UserArn);
                if (_roles.TryGetValue(key, out var role))
                {
                    return $"shadowed by {role.Describe()}: mapRoles is checked first";
                }

                return _users.TryGetValue(key, out var list) && !list.Contains(user)
                    ? $"overridden by {list.First(u => string.Equals(u.UserArn, user.UserArn, StringComparison.Ordinal)).Describe()}"
                    : null;
            });
            result.Add(new KnownPrincipal(user.UserArn, KnownPrincipalSource.AwsAuthMapUsers, user.Describe(), status, reason, ResolveKnown(user.UserArn)));
        }

        foreach (var account in AwsAuth.AccountMappings)
        {
            var wildcard = $"arn:{_partition}:iam::{account.AccountId}:*";
            var (status, reason) = !UsesAwsAuth
                ? (KnownPrincipalStatus.Inactive, "authentication mode API ignores aws-auth")
                : account.AccountId.Length != 12 || !account.AccountId.All(char.IsAsciiDigit)
                    ? (KnownPrincipalStatus.NeverMatches, "not a 12-digit account id")
                    : !ReferenceEquals(_accounts[account.AccountId], account)
                        ? (KnownPrincipalStatus.Shadowed, $"repeats {_accounts[account.AccountId].Describe()}")
                        : (KnownPrincipalStatus.Active, (string?)null);
            IdentityResolution resolution = status is KnownPrincipalStatus.Active or KnownPrincipalStatus.Shadowed
                ? new IdentityResolution.Mapped
                {
                    CallerArn = wildcard,
                    CanonicalArn = wildcard,
                    Notes = [$"any IAM user or role of account {account.AccountId} that no access entry or aws-auth entry maps authenticates with its canonical ARN (arn:…:user/<name> or arn:…:role/<name>) as username and no groups"],
                    Username = wildcard,
                    Groups = [IdentityResolution.AuthenticatedGroup],
                    Source = IdentityResolution.AwsAuthSource,
                    MatchedBy = account.Describe(),
                    AccountMapping = account,
                }
                : new IdentityResolution.Rejected { CallerArn = wildcard, CanonicalArn = wildcard, Reason = $"{account.Describe()} is not used: {reason}" };
            result.Add(new KnownPrincipal($"any IAM principal of account {account.AccountId}", KnownPrincipalSource.AwsAuthMapAccounts, account.Describe(), status, reason, resolution)
            {
                WildcardAccountId = account.AccountId,
            });
        }

        return result.ToImmutable();
    }

    private (KnownPrincipalStatus Status, string? Reason) AwsAuthStatus(string arn, Func<string?> overridden)
    {
        if (!UsesAwsAuth)
        {
            return (KnownPrincipalStatus.Inactive, "authentication mode API ignores aws-auth");
        }

        if (!IamPrincipalArn.TryParse(arn, out var principal, out var error))
        {
            return (KnownPrincipalStatus.NeverMatches, error);
        }

        if (principal.Kind == IamPrincipalKind.AssumedRole)
        {
            return (KnownPrincipalStatus.NeverMatches, $"an STS session ARN never matches: callers are compared as {principal.Canonicalize().Value}");
        }

        if (principal.Kind == IamPrincipalKind.Role && principal.HasPath)
        {
            return (KnownPrincipalStatus.NeverMatches, $"a role path never matches: callers are compared as {principal.WithoutPath().Value}");
        }

        var by = overridden();
        if (by is not null)
        {
            return (KnownPrincipalStatus.Shadowed, by);
        }

        if (UsesAccessEntries && _entries.TryGetValue(Key(arn), out var entry))
        {
            return (KnownPrincipalStatus.Shadowed, $"{entry.DescribedAs} overrides it");
        }

        return (KnownPrincipalStatus.Active, null);
    }

    private IdentityResolution ResolveKnown(string arn) => IamPrincipalArn.TryParse(arn, out var principal, out var error)
        ? ResolveKnown(principal)
        : new IdentityResolution.Rejected { CallerArn = arn, Reason = $"not an IAM principal ARN: {error}" };

    /// <summary>Resolves a named principal in general: a role as "any session" (session name unknown).</summary>
    private IdentityResolution ResolveKnown(IamPrincipalArn principal)
    {
        var notes = new List<string>();
        if (principal.Kind != IamPrincipalKind.Role)
        {
            return ResolveCaller(principal, principal.Value, SessionNameOf(principal), notes, sessionIsDefault: false);
        }

        if (principal.HasPath)
        {
            notes.Add($"STS reports sessions of {principal.Value} without the role path, as arn:{principal.Partition}:sts::{principal.AccountId}:assumed-role/{principal.Name}/…");
        }

        var callerArn = $"arn:{principal.Partition}:sts::{principal.AccountId}:assumed-role/{principal.Name}/{UsernameTemplate.SessionName}";
        return ResolveCaller(principal.WithoutPath(), callerArn, sessionName: null, notes, sessionIsDefault: false);
    }

    /// <summary>An access entry as the resolver uses it.</summary>
    private sealed class EntryMapping(AccessEntry entry, IamPrincipalArn principal, string type, string describedAs, SourceLocation location)
    {
        public AccessEntry Entry { get; } = entry;

        public IamPrincipalArn Principal { get; } = principal;

        public string Type { get; } = type;

        public string DescribedAs { get; } = describedAs;

        public SourceLocation Location { get; } = location;

        public string? Username { get; set; }

        public ImmutableArray<string> Groups { get; set; } = [];

        /// <summary>Why EKS would not authenticate through this entry; null when it does.</summary>
        public string? Rejection { get; set; }

        public ImmutableArray<string> Notes { get; set; } = [];

        public EntryMapping? OverriddenBy { get; set; }
    }
}
