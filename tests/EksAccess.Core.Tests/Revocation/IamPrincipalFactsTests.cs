using System.Collections.Immutable;
using EksAccess.Core.Planning;
using EksAccess.Core.Revocation;

namespace EksAccess.Core.Tests.Revocation;

public sealed class IamPrincipalFactsTests
{
    [Fact]
    public void From_ObservedUserAndGroups_GroupsPoliciesAndKeyStatuses()
    {
        var user = new ObservedIamUser("dev-john")
        {
            Groups = ["devs", "gone"],
            InlinePolicies = new Dictionary<string, string>(StringComparer.Ordinal) { ["own"] = """{"Statement":[]}""", ["empty"] = "" }.ToImmutableSortedDictionary(StringComparer.Ordinal),
            AccessKeyIds = ["AKIA1", "AKIA2"],
            InactiveAccessKeyIds = ["AKIA2"],
        };
        var devs = new ObservedIamGroup("devs")
        {
            InlinePolicies = new Dictionary<string, string>(StringComparer.Ordinal) { ["assume"] = "{}" }.ToImmutableSortedDictionary(StringComparer.Ordinal),
        };

        var facts = IamPrincipalFacts.From(user, [devs]);

        facts.Groups.Select(g => $"{g.Name}:{string.Join(",", g.InlinePolicies.Select(p => p.Name))}").ShouldBe(["devs:assume", "gone:"]);
        facts.InlinePolicies.ShouldBe([new IamPolicyFacts("empty", "{}"), new IamPolicyFacts("own", """{"Statement":[]}""")]);
        facts.AccessKeys.Select(k => (k.AccessKeyId, k.IsActive)).ShouldBe([("AKIA1", true), ("AKIA2", false)]);
    }
}
