namespace EksAccess.Aws.Sts.Model;

/// <summary>Output of AssumeRole.</summary>
internal sealed record AssumeRoleResponse
{
    public Credentials? Credentials { get; init; }

    public AssumedRoleUser? AssumedRoleUser { get; init; }

    public string? SourceIdentity { get; init; }
}
