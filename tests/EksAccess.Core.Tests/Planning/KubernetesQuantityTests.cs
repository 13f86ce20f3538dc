using EksAccess.Core.Planning;

namespace EksAccess.Core.Tests.Planning;

public sealed class KubernetesQuantityTests
{
    [Theory]
    [InlineData("1000m", "1")]
    [InlineData("1024Mi", "1Gi")]
    [InlineData("0.5", "500m")]
    [InlineData("1.5Gi", "1536Mi")]
    [InlineData("1e3", "1k")]
    [InlineData("1E3", "1000")]
    [InlineData("+2", "2")]
    [InlineData("1Ki", "1024")]
    [InlineData("100n", "0.1u")]
    [InlineData(".5", "0.5")]
    public void AreEqual_SameAmount_True(string left, string right)
    {
        KubernetesQuantity.AreEqual(left, right).ShouldBeTrue();
    }

    [Theory]
    [InlineData("1G", "1Gi")]
    [InlineData("1m", "1M")]
    [InlineData("1", "2")]
    [InlineData("abc", "abd")]
    public void AreEqual_DifferentAmount_False(string left, string right)
    {
        KubernetesQuantity.AreEqual(left, right).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("1Qi")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("Gi")]
    public void TryParse_NotAQuantity_False(string text)
    {
        KubernetesQuantity.TryParse(text, out _).ShouldBeFalse();
    }
}
