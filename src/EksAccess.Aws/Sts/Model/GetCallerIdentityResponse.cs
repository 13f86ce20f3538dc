namespace EksAccess.Aws.Sts.Model;

/// <summary>Output of GetCallerIdentity.</summary>
internal sealed record GetCallerIdentityResponse
{
    public string? UserId { get; init; }

    public string? Account { get; init; }

    public string? Arn { get; init; }
}
