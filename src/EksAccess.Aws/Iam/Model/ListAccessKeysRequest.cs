namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of ListAccessKeys; without a user name, the caller's keys.</summary>
internal sealed record ListAccessKeysRequest
{
    public string? UserName { get; init; }

    public string? Marker { get; init; }

    public int? MaxItems { get; init; }
}
