using System.Text.Json;
using EksAccess.Aws.Eks.Model;
using EksAccess.Aws.Json;

namespace EksAccess.Aws.Tests.Http;

public sealed class JsonConvertersTests
{
    [Fact]
    public void EpochSeconds_FractionalNumber_ReadsUtcToTheMillisecond()
    {
        var entry = JsonSerializer.Deserialize<AccessEntry>("""{"createdAt":1714557600.123,"modifiedAt":"2024-05-01T10:00:00Z"}""", AwsJson.CamelCase)!;

        entry.CreatedAt.ShouldBe(new DateTime(2024, 5, 1, 10, 0, 0, 123, DateTimeKind.Utc));
        entry.CreatedAt!.Value.Kind.ShouldBe(DateTimeKind.Utc);
        entry.ModifiedAt.ShouldBe(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void EpochSeconds_Write_IsANumber()
    {
        var text = JsonSerializer.Serialize(new AccessEntry { CreatedAt = new DateTime(2024, 5, 1, 10, 0, 0, 500, DateTimeKind.Utc) }, AwsJson.CamelCase);

        text.ShouldBe("""{"createdAt":1714557600.5}""");
    }

    [Theory]
    [InlineData(0, "2024-05-01T10:00:00+00:00")]
    [InlineData(123, "2024-05-01T10:00:00.123000+00:00")]
    public void AwsCliTimestamp_Format_MatchesPythonIsoformat(int milliseconds, string expected)
    {
        AwsCliTimestampConverter.Format(new DateTime(2024, 5, 1, 10, 0, 0, milliseconds, DateTimeKind.Utc)).ShouldBe(expected);
    }

    [Fact]
    public void Cluster_UnmodelledMembers_SurviveARoundTrip()
    {
        var cluster = JsonSerializer.Deserialize<Cluster>("""{"name":"c","outpostConfig":{"outpostArns":["a"]}}""", AwsJson.CamelCase)!;

        JsonSerializer.Serialize(cluster, AwsJson.CamelCase).ShouldBe("""{"name":"c","outpostConfig":{"outpostArns":["a"]}}""");
    }

    [Fact]
    public void Requests_NullMembers_AreLeftOut()
    {
        JsonSerializer.Serialize(new AccessScope { Type = AccessScopeType.Cluster }, AwsJson.CamelCase).ShouldBe("""{"type":"cluster"}""");
    }
}
