namespace EksAccess.Aws.Sts.Model;

/// <summary>The assumed-role session's identifiers.</summary>
internal sealed record AssumedRoleUser
{
    public string? AssumedRoleId { get; init; }

    public string? Arn { get; init; }
}
