using EksAccess.Core.Planning;
using EksAccess.Core.Snapshots;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using EksAccess.Core.AwsAuth;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Planning;

/// <summary>Whatever someone else wrote into aws-auth, a merge keeps it (in order) and adds exactly the config's entries; merging again changes nothing.</summary>
public sealed class AwsAuthMergePropertyTests
{
    private static readonly string[] Styles = ["block", "indented", "json"];

    private static Gen<(string Name, bool Node, string Style)> Foreign() =>
        from name in Gen.Elements("ops", "ci", "karpenter-node", "audit", "x1", "EKSDeveloperRole-old")
        from node in Gen.Elements(true, false)
        from style in Gen.Elements(Styles)
        select (name, node, style);

    [Property(MaxTest = 100)]
    public Property Merge_AnyForeignEntries_KeptInOrderPlusTheConfigsAndIdempotent() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Foreign()).Select(l => l.DistinctBy(f => f.Name).ToList())), Arb.From(Gen.Elements(true, false)), (foreign, withAdmin) =>
        {
            var style = foreign.Count == 0 ? "block" : foreign[0].Style;
            var live = foreign.Count == 0 ? null : new ConfigMapObject("kube-system", "aws-auth", KubernetesMetadata.Empty.Add("mapRoles", Section(foreign, style)));
            var config = withAdmin ? TestConfigs.Seed000() : TestConfigs.Seed000() with { Admins = [] };
            var desired = DesiredState.Build(config).AwsAuth;

            var first = AwsAuthMerge.Merge(live, desired, new ClusterSnapshot());
            var second = AwsAuthMerge.Merge(first.After, desired, new ClusterSnapshot());

            var before = live is null ? [] : AwsAuthParser.Parse(live).MapRoles.Select(r => (r.RoleArn, r.Username, string.Join(",", r.Groups))).ToList();
            var after = AwsAuthParser.Parse(first.After);
            var kept = after.MapRoles.Select(r => (r.RoleArn, r.Username, string.Join(",", r.Groups))).Take(before.Count).ToList();
            var wanted = AwsAuthParser.Parse(desired!);
            return first.Refusals.IsEmpty
                && kept.SequenceEqual(before)
                && after.MapRoles.Skip(before.Count).Select(r => r.RoleArn).SequenceEqual(wanted.MapRoles.Select(r => r.RoleArn))
                && after.MapUsers.Select(u => u.UserArn).SequenceEqual(wanted.MapUsers.Select(u => u.UserArn))
                && after.Diagnostics.IsEmpty
                && !second.Changed;
        });

    private static string Section(List<(string Name, bool Node, string Style)> entries, string style)
    {
        var items = entries.Select(e => (
            Arn: $"arn:aws:iam::111122223333:role/{e.Name}",
            User: e.Node ? "system:node:{{EC2PrivateDNSName}}" : e.Name,
            Groups: e.Node ? new[] { "system:bootstrappers", "system:nodes" } : [e.Name + "-group"]));
        return style switch
        {
            "json" => "[" + string.Join(",", items.Select(i => $$"""{"rolearn":"{{i.Arn}}","username":"{{i.User}}","groups":[{{string.Join(",", i.Groups.Select(g => $"\"{g}\""))}}]}""")) + "]",
            "indented" => string.Concat(items.Select(i => $"  # {i.User}\n  - rolearn: {i.Arn}\n    username: {i.User}\n    groups:\n      {string.Join("\n      ", i.Groups.Select(g => "- " + g))}\n")),
            _ => string.Concat(items.Select(i => $"- rolearn: {i.Arn}\n  username: {i.User}\n  groups: [{string.Join(", ", i.Groups)}]\n")),
        };
    }
}
