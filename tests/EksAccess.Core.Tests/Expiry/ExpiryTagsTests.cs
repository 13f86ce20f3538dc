using EksAccess.Core.Identity;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Expiry;

public sealed class ExpiryTagsTests
{
    private const string Admin = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy";

    [Fact]
    public void PolicyKey_NamespaceOrderAndDuplicates_SameKey()
    {
        var one = ExpiryTags.PolicyKey(Admin, new AccessScope(AccessScope.NamespaceType, ["b", "a"]));
        var two = ExpiryTags.PolicyKey(Admin, new AccessScope(AccessScope.NamespaceType, ["a", "b", "a"]));

        one.ShouldBe(two);
        one.ShouldStartWith("eksaccess.io/expires.AmazonEKSAdminPolicy.");
        one.Length.ShouldBe("eksaccess.io/expires.AmazonEKSAdminPolicy.".Length + 12);
        one.ShouldNotBe(ExpiryTags.PolicyKey(Admin, AccessScope.Cluster));
    }

    [Fact]
    public void PolicyKey_VeryLongPolicyName_StaysWithin128()
    {
        var key = ExpiryTags.PolicyKey("arn:aws:eks::aws:cluster-access-policy/" + new string('P', 200), AccessScope.Cluster);

        key.Length.ShouldBeLessThanOrEqualTo(ExpiryTags.MaxKeyLength);
    }

    [Fact]
    public void Value_ForbiddenCharacters_ReplacedAndCut()
    {
        ExpiryTags.Value("INC-42: db \"down\", see #ops").ShouldBe("INC-42: db _down__ see _ops");
        ExpiryTags.Value(new string('x', 300)).Length.ShouldBe(256);
    }

    [Fact]
    public void PolicyExpiries_ReadBack_NameHashAndTime()
    {
        var scope = new AccessScope(AccessScope.NamespaceType, ["dev-apps"]);
        var key = ExpiryTags.PolicyKey(Admin, scope);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { [key] = "2026-12-01T18:00:00Z", ["eksaccess.io/expires.Bad.x"] = "soon" };

        var read = ExpiryTags.PolicyExpiries(tags).ShouldHaveSingleItem();

        (read.Key, read.PolicyName, read.ScopeHash).ShouldBe((key, "AmazonEKSAdminPolicy", ExpiryTags.ScopeHash(scope)));
        read.At.ShouldBe(new DateTimeOffset(2026, 12, 1, 18, 0, 0, TimeSpan.Zero));
    }
}
