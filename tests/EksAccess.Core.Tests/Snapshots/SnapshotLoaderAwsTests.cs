using EksAccess.Core.Identity;

namespace EksAccess.Core.Tests.Snapshots;

/// <summary>The AWS-side files of a snapshot: cluster.json, access-entries.json, and the aws-auth ConfigMap.</summary>
public sealed class SnapshotLoaderAwsTests
{
    [Fact]
    public void Load_DescribeClusterOutput_ReadsNameArnPartsAndMode()
    {
        var result = SnapshotInputs.Load("cluster");

        result.Errors.ShouldBeEmpty();
        var cluster = result.Snapshot.Cluster.ShouldNotBeNull();
        cluster.Name.ShouldBe("dev-cluster");
        cluster.Arn.ShouldBe("arn:aws:eks:us-east-1:111122223333:cluster/dev-cluster");
        cluster.Partition.ShouldBe("aws");
        cluster.Region.ShouldBe("us-east-1");
        cluster.AccountId.ShouldBe("111122223333");
        cluster.Version.ShouldBe("1.31");
        cluster.Endpoint.ShouldBe("https://ABCDEF1234567890.gr7.us-east-1.eks.amazonaws.com");
        cluster.Status.ShouldBe("ACTIVE");
        cluster.AuthenticationMode.ShouldBe(AuthenticationMode.ApiAndConfigMap);
        result.Snapshot.AuthenticationMode.ShouldBe(AuthenticationMode.ApiAndConfigMap);
    }

    [Fact]
    public void Load_DescribeClusterWithoutAccessConfig_DefaultsToApiAndConfigMap()
    {
        var result = SnapshotInputs.Load("cluster-no-access-config");

        result.Errors.ShouldBeEmpty();
        var cluster = result.Snapshot.Cluster.ShouldNotBeNull();
        cluster.AuthenticationMode.ShouldBe(AuthenticationMode.ApiAndConfigMap);
        cluster.Partition.ShouldBe("aws-cn");
        cluster.Region.ShouldBe("cn-north-1");
        cluster.AccountId.ShouldBe("444455556666");
    }

    [Theory]
    [InlineData("API", AuthenticationMode.Api)]
    [InlineData("CONFIG_MAP", AuthenticationMode.ConfigMap)]
    public void Load_ClusterAuthenticationMode_IsParsed(string wire, AuthenticationMode expected)
    {
        var text = "{\"cluster\": {\"name\": \"c\", \"accessConfig\": {\"authenticationMode\": \"" + wire + "\"}}}";

        var result = SnapshotInputs.LoadText("snap/cluster.json", text);

        result.Errors.ShouldBeEmpty();
        result.Snapshot.AuthenticationMode.ShouldBe(expected);
        result.Snapshot.Cluster!.Arn.ShouldBeNull();
    }

    [Fact]
    public void Load_NoClusterFile_LeavesClusterNullAndModeApiAndConfigMap()
    {
        var result = SnapshotInputs.Load("kubectl-yaml");

        result.Snapshot.Cluster.ShouldBeNull();
        result.Snapshot.AuthenticationMode.ShouldBe(AuthenticationMode.ApiAndConfigMap);
        result.Snapshot.AccessEntries.IsDefault.ShouldBeFalse();
        result.Snapshot.AccessEntries.ShouldBeEmpty();
    }

    [Fact]
    public void Load_AccessEntriesWithAssociatedPolicies_ReadsEntriesAndScopes()
    {
        var result = SnapshotInputs.Load("access-entries");

        result.Errors.ShouldBeEmpty();
        var entries = result.Snapshot.AccessEntries;
        entries.Length.ShouldBe(3);

        var admin = entries[0];
        admin.PrincipalArn.ShouldBe("arn:aws:iam::111122223333:role/Admin");
        admin.Type.ShouldBe("STANDARD");
        admin.Username.ShouldBe("arn:aws:sts::111122223333:assumed-role/Admin/{{SessionName}}");
        admin.KubernetesGroups.ShouldBeEmpty();
        var adminPolicy = admin.AssociatedAccessPolicies.ShouldHaveSingleItem();
        adminPolicy.PolicyArn.ShouldBe("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy");
        adminPolicy.AccessScope.IsCluster.ShouldBeTrue();
        adminPolicy.AccessScope.Namespaces.ShouldBeEmpty();
        admin.Source.ShouldBe("access-entries/access-entries.json:3");

        var john = entries[1];
        john.Type.ShouldBe(AccessEntry.StandardType);
        john.Username.ShouldBeNull();
        john.KubernetesGroups.ShouldBe(["dev-team"]);
        john.AssociatedAccessPolicies.Length.ShouldBe(2);
        john.AssociatedAccessPolicies[0].AccessScope.Type.ShouldBe(AccessScope.NamespaceType);
        john.AssociatedAccessPolicies[0].AccessScope.Namespaces.ShouldBe(["dev-apps", "dev-*"]);
        john.AssociatedAccessPolicies[1].AccessScope.ShouldBe(AccessScope.Cluster);

        var node = entries[2];
        node.Type.ShouldBe("EC2_LINUX");
        node.KubernetesGroups.ShouldBe(["system:nodes"]);
        node.AssociatedAccessPolicies.IsDefault.ShouldBeFalse();
        node.AssociatedAccessPolicies.ShouldBeEmpty();
    }

    [Fact]
    public void Load_AwsAuthConfigMap_KeepsDataWithSourceAndValueLines()
    {
        var result = SnapshotInputs.Load("aws-auth");

        result.Errors.ShouldBeEmpty();
        var awsAuth = result.Snapshot.AwsAuth.ShouldNotBeNull();
        awsAuth.Namespace.ShouldBe("kube-system");
        awsAuth.Name.ShouldBe("aws-auth");
        awsAuth.Source.ShouldBe("aws-auth/aws-auth.yaml:1");
        awsAuth.Data.Keys.Order(StringComparer.Ordinal).ShouldBe(["mapAccounts", "mapRoles", "mapUsers"]);
        awsAuth.Data["mapRoles"].ShouldStartWith("- rolearn: arn:aws:iam::111122223333:role/EKSNodeRole\n  username: system:node:{{EC2PrivateDNSName}}\n");
        awsAuth.Data["mapAccounts"].ShouldBe("[]");
        awsAuth.DataLines["mapRoles"].ShouldBe(4);
        awsAuth.DataLines["mapUsers"].ShouldBe(14);
        awsAuth.DataLines["mapAccounts"].ShouldBe(18);
    }

    [Fact]
    public void Load_AwsAuthInKubectlJsonList_IgnoresOtherConfigMaps()
    {
        var result = SnapshotInputs.Load("aws-auth-json");

        result.Errors.ShouldBeEmpty();
        result.Warnings.ShouldBeEmpty();
        var awsAuth = result.Snapshot.AwsAuth.ShouldNotBeNull();
        awsAuth.Data["mapRoles"].ShouldContain("rolearn: arn:aws:iam::111122223333:role/EKSNodeRole\n");
        awsAuth.DataLines["mapRoles"].ShouldBe(18);
        awsAuth.Source.ShouldBe("aws-auth-json/configmaps.json:15");
    }
}
