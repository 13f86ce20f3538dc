namespace EksAccess.Aws.Sts.Model;

/// <summary>Input of AssumeRole.</summary>
internal sealed record AssumeRoleRequest
{
    public string? RoleArn { get; init; }

    public string? RoleSessionName { get; init; }

    public int? DurationSeconds { get; init; }

    public string? Policy { get; init; }

    public string? ExternalId { get; init; }

    public string? SourceIdentity { get; init; }
}
