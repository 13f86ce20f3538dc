namespace EksAccess.Aws.Sts.Model;

/// <summary>The assumed-role session's identifiers.</summary>
public sealed record AssumedRoleUser
{
    public string? AssumedRoleId { get; init; }

    public string? Arn { get; init; }
}
