using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Planning;

public sealed class IamPolicyDocumentsTests
{
    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["eks:DescribeCluster","eks:ListClusters"],"Resource":"*"}]}""";

    [Theory]
    [InlineData("""{"Statement":[{"Resource":"*","Action":["eks:ListClusters","eks:DescribeCluster"],"Effect":"Allow"}],"Version":"2012-10-17"}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["eks:DescribeCluster","eks:ListClusters","eks:DescribeCluster"],"Resource":["*"]}}""")]
    [InlineData("%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%5B%22eks%3ADescribeCluster%22%2C%22eks%3AListClusters%22%5D%2C%22Resource%22%3A%22*%22%7D%5D%7D")]
    [InlineData("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Action\": [\"eks:DescribeCluster\", \"eks:ListClusters\"],\n      \"Resource\": \"*\"\n    }\n  ]\n}")]
    public void AreEquivalent_SamePolicyWrittenDifferently_True(string other)
    {
        IamPolicyDocuments.AreEquivalent(Policy, other).ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["eks:DescribeCluster","eks:ListClusters"],"Resource":"*"}]}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"eks:DescribeCluster","Resource":"*"}]}""")]
    [InlineData("""{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":["eks:DescribeCluster","eks:ListClusters"],"Resource":"*"}]}""")]
    [InlineData("not json")]
    [InlineData("")]
    public void AreEquivalent_DifferentPolicy_False(string other)
    {
        IamPolicyDocuments.AreEquivalent(Policy, other).ShouldBeFalse();
    }

    [Fact]
    public void AreEquivalent_AccountIdAndRootArnPrincipal_True()
    {
        var byId = """{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}]}""";
        var byArn = """{"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root"]},"Action":"sts:AssumeRole"}]}""";

        IamPolicyDocuments.AreEquivalent(byId, byArn).ShouldBeTrue();
    }

    [Fact]
    public void AreEquivalent_StatementsInAnotherOrder_True()
    {
        var a = """{"Statement":[{"Sid":"A","Effect":"Allow","Action":"a:x","Resource":"*"},{"Sid":"B","Effect":"Allow","Action":"b:x","Resource":"*"}]}""";
        var b = """{"Statement":[{"Sid":"B","Effect":"Allow","Action":"b:x","Resource":"*"},{"Sid":"A","Effect":"Allow","Action":"a:x","Resource":"*"}]}""";

        IamPolicyDocuments.AreEquivalent(a, b).ShouldBeTrue();
    }

    [Fact]
    public void OneLine_IndentedDocument_KeepsKeyOrderOnOneLine()
    {
        IamPolicyDocuments.OneLine("{\n  \"b\": 1,\n  \"a\": [\"x\"]\n}").ShouldBe("""{"b":1,"a":["x"]}""");
    }
}
