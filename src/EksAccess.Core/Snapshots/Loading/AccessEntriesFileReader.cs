using System.Collections.Immutable;
using EksAccess.Core.Identity;
using EksAccess.Core.Text;
using YamlDotNet.Core.Events;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Snapshots.Loading;

/// <summary>
/// Reads <c>access-entries.json|yaml</c>: <c>{"accessEntries": [ ... ]}</c>, each item a describe-access-entry
/// <c>accessEntry</c> plus <c>associatedAccessPolicies</c> as list-associated-access-policies prints them.
/// Fields AWS may add later are ignored.
/// </summary>
internal sealed class AccessEntriesFileReader : YamlNodeReader
{
    private const string FileHint = "write {\"accessEntries\": [ ... ]} with one describe-access-entry accessEntry (plus associatedAccessPolicies) per item";
    private const string PolicyHint = "each associated policy needs policyArn and accessScope.type (cluster, or namespace with namespaces), as list-associated-access-policies prints it";

    /// <summary>The access entry types of the EKS API (CreateAccessEntry type).</summary>
    private static readonly string[] EntryTypes = [AccessEntry.StandardType, "EC2_LINUX", "EC2_WINDOWS", "FARGATE_LINUX", "EC2", "HYBRID_LINUX", "HYPERPOD_LINUX"];

    private readonly SnapshotBuilder _builder;

    public AccessEntriesFileReader(SnapshotFile file, SnapshotBuilder builder)
        : base(file, builder.Pool)
    {
        _builder = builder;
    }

    protected override void Report(Diagnostic diagnostic) => _builder.Error(diagnostic);

    protected override void ReadDocumentRoot()
    {
        var start = Current.Start;
        if (Current is Scalar scalar && IsNull(scalar))
        {
            MoveNext();
            return;
        }

        var found = false;
        if (Current is MappingStart)
        {
            MoveNext();
            while (InCollection())
            {
                if (ReadKey() is "accessEntries")
                {
                    found = true;
                    ReadEntries();
                }
                else
                {
                    Skip();
                }
            }
        }
        else
        {
            Skip();
        }

        if (!found)
        {
            Report(new Diagnostic(At(start), "access-entries file has no accessEntries list", FileHint));
        }
    }

    private void ReadEntries()
    {
        if (!EnterSequence("accessEntries"))
        {
            return;
        }

        while (InCollection())
        {
            if (Current is Scalar item && !IsNull(item))
            {
                Report(new Diagnostic(At(Current.Start), $"accessEntries item is the bare string '{item.Value}'", "list-access-entries prints only ARNs; save describe-access-entry's accessEntry for each principal instead"));
                MoveNext();
                continue;
            }

            ReadEntry();
        }
    }

    private void ReadEntry()
    {
        var start = Current.Start;
        if (!EnterMapping("accessEntries[]"))
        {
            return;
        }

        string? principalArn = null;
        string? type = null;
        string? username = null;
        ImmutableArray<string>? groups = [];
        ImmutableArray<AssociatedAccessPolicy>? policies = [];
        while (InCollection())
        {
            switch (ReadKey())
            {
                case null:
                    break;
                case "principalArn":
                    principalArn = ReadString("principalArn", share: false);
                    break;
                case "type":
                    var typeAt = Current.Start;
                    type = ReadString("type");
                    if (type is not null && !EntryTypes.Contains(type, StringComparer.Ordinal))
                    {
                        Report(new Diagnostic(At(typeAt), $"access entry type {Echo.Quote(type)} is not one EKS has", $"use one of {string.Join(", ", EntryTypes)}, as describe-access-entry prints it"));
                    }

                    break;
                case "username":
                    username = ReadString("username");
                    break;
                case "kubernetesGroups":
                    groups = ReadStringList("kubernetesGroups");
                    break;
                case "associatedAccessPolicies":
                    policies = ReadPolicies();
                    break;
                default:
                    Skip();
                    break;
            }
        }

        if (principalArn is null)
        {
            Report(new Diagnostic(At(start), "access entry has no principalArn", "every access entry needs the principalArn of an IAM user or role"));
            return;
        }

        if (groups is not { } g || policies is not { } p)
        {
            return;
        }

        var entry = new AccessEntry(principalArn, type ?? AccessEntry.StandardType, username, g, p) { Source = SourceOf(start) };
        _builder.AddAccessEntry(entry, At(start));
    }

    private ImmutableArray<AssociatedAccessPolicy>? ReadPolicies()
    {
        if (!EnterSequence("associatedAccessPolicies"))
        {
            return [];
        }

        var ok = true;
        var policies = ImmutableArray.CreateBuilder<AssociatedAccessPolicy>();
        while (InCollection())
        {
            if (ReadPolicy() is { } policy)
            {
                policies.Add(policy);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? policies.DrainToImmutable() : null;
    }

    private AssociatedAccessPolicy? ReadPolicy()
    {
        var start = Current.Start;
        if (!EnterMapping("associatedAccessPolicies[]"))
        {
            return null;
        }

        string? policyArn = null;
        AccessScope? scope = null;
        var scopeStart = start;
        var scopeOk = true;
        while (InCollection())
        {
            switch (ReadKey())
            {
                case null:
                    break;
                case "policyArn":
                    policyArn = ReadString("policyArn");
                    break;
                case "accessScope":
                    scopeStart = Current.Start;
                    (scope, scopeOk) = ReadScope();
                    break;
                default:
                    Skip();
                    break;
            }
        }

        if (!scopeOk)
        {
            return null;
        }

        if (policyArn is null)
        {
            Report(new Diagnostic(At(start), "associated access policy has no policyArn", PolicyHint));
            return null;
        }

        if (scope is null)
        {
            Report(new Diagnostic(At(scopeStart), $"associated access policy '{policyArn}' has no accessScope.type", PolicyHint));
            return null;
        }

        return new AssociatedAccessPolicy(policyArn, scope);
    }

    private (AccessScope? Scope, bool Ok) ReadScope()
    {
        if (!EnterMapping("accessScope"))
        {
            return (null, true);
        }

        string? type = null;
        var typeStart = Current.Start;
        ImmutableArray<string>? namespaces = [];
        while (InCollection())
        {
            switch (ReadKey())
            {
                case null:
                    break;
                case "type":
                    typeStart = Current.Start;
                    type = ReadString("accessScope.type");
                    break;
                case "namespaces":
                    namespaces = ReadStringList("accessScope.namespaces");
                    break;
                default:
                    Skip();
                    break;
            }
        }

        if (namespaces is not { } ns)
        {
            return (null, false);
        }

        switch (type)
        {
            case null:
                return (null, true);
            case AccessScope.ClusterType:
                return (ns.IsEmpty ? AccessScope.Cluster : new AccessScope(AccessScope.ClusterType, ns), true);
            case AccessScope.NamespaceType:
                return (new AccessScope(AccessScope.NamespaceType, ns), true);
            default:
                Report(new Diagnostic(At(typeStart), $"unknown accessScope.type '{type}'", "accessScope.type is cluster or namespace (lower case, as the EKS API prints it)"));
                return (null, false);
        }
    }
}
