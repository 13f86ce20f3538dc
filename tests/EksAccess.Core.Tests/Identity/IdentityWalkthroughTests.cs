using EksAccess.Core.Identity;
using EksAccess.Core.Authentication;
using static EksAccess.Core.Tests.Identity.IdentitySnapshots;

namespace EksAccess.Core.Tests.Identity;

/// <summary>The identities the walk-throughs in the seed walk-throughs (examples/) end up with.</summary>
public sealed class IdentityWalkthroughTests
{
    [Fact]
    public void Resolve_Seed000DevJohnThroughAwsAuth_IsDevJohnInDevTeam()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, "aws-auth.walkthrough.yaml");

        var mapped = resolver.Resolve("arn:aws:iam::111122223333:user/dev-john").ShouldBeMapped();

        mapped.Username.ShouldBe("dev-john");
        mapped.Groups.ShouldBe(["dev-team", "system:authenticated"]);
        mapped.Source.ShouldBe("awsAuth");
        mapped.MatchedBy.ShouldBe("aws-auth mapUsers[0] userarn arn:aws:iam::111122223333:user/dev-john (snap/aws-auth.walkthrough.yaml:19)");
        mapped.CallerArn.ShouldBe("arn:aws:iam::111122223333:user/dev-john");
        mapped.SessionName.ShouldBe("");
        mapped.Entry.ShouldBeNull();
        mapped.ToUserInfo().Name.ShouldBe("dev-john");
    }

    [Fact]
    public void Resolve_Seed000DeveloperRoleThroughAwsAuth_IsDeveloper()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, "aws-auth.walkthrough.yaml");

        var mapped = resolver.Resolve("arn:aws:iam::111122223333:role/EKSDeveloperRole").ShouldBeMapped();

        mapped.Username.ShouldBe("developer");
        mapped.Groups.ShouldBe(["dev-team", "system:authenticated"]);
        mapped.MatchedBy.ShouldBe("aws-auth mapRoles[0] rolearn arn:aws:iam::111122223333:role/EKSDeveloperRole (snap/aws-auth.walkthrough.yaml:9)");
        mapped.CallerArn.ShouldBe("arn:aws:sts::111122223333:assumed-role/EKSDeveloperRole/EKSGetTokenAuth");
        mapped.Notes.ShouldBeEmpty();
    }

    [Fact]
    public void Resolve_Seed000AccessEntryForDevJohn_OverridesAwsAuthAndUsesTheUserArn()
    {
        var entry = Entry("arn:aws:iam::111122223333:user/dev-john", groups: ["dev-team"], policies: Policy(EditPolicy, "dev-apps"));
        var resolver = Resolver(AuthenticationMode.ApiAndConfigMap, "aws-auth.walkthrough.yaml", entry);

        var mapped = resolver.Resolve("arn:aws:iam::111122223333:user/dev-john").ShouldBeMapped();

        mapped.Username.ShouldBe("arn:aws:iam::111122223333:user/dev-john");
        mapped.Groups.ShouldBe(["dev-team", "system:authenticated"]);
        mapped.Source.ShouldBe("accessEntry");
        mapped.Entry.ShouldBeSameAs(entry);
        entry.AssociatedAccessPolicies.ShouldHaveSingleItem().AccessScope.Namespaces.ShouldBe(["dev-apps"]);
    }

    [Fact]
    public void Resolve_Seed001RoleAssumedWithUpdateKubeconfig_IsDeveloperInK8sDevs()
    {
        var resolver = new IdentityResolver(Create(AuthenticationMode.ConfigMap, "aws-auth.seed-001.yaml"));

        var mapped = resolver.Resolve("arn:aws:iam::293759796572:role/k8s-devs-role").ShouldBeMapped();

        mapped.Username.ShouldBe("developer");
        mapped.Groups.ShouldBe(["k8s-devs", "system:authenticated"]);
        mapped.CallerArn.ShouldBe("arn:aws:sts::293759796572:assumed-role/k8s-devs-role/EKSGetTokenAuth");
    }

    [Fact]
    public void Resolve_Seed003ClusterAdminAccessEntry_UsesTheDefaultSessionUsername()
    {
        var entry = Entry("arn:aws:iam::111122223333:role/KubernetesAdmin", policies: Policy(ClusterAdminPolicy));
        var resolver = Resolver(AuthenticationMode.Api, awsAuthFile: null, entry);

        var mapped = resolver.Resolve("arn:aws:iam::111122223333:role/KubernetesAdmin").ShouldBeMapped();

        mapped.Username.ShouldBe("arn:aws:sts::111122223333:assumed-role/KubernetesAdmin/EKSGetTokenAuth");
        mapped.Groups.ShouldBe(["system:authenticated"]);
        mapped.Entry.ShouldNotBeNull().AssociatedAccessPolicies.ShouldHaveSingleItem().AccessScope.IsCluster.ShouldBeTrue();
    }
}
