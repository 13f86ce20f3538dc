namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of GetUser; without a user name, the caller.</summary>
internal sealed record GetUserRequest
{
    public string? UserName { get; init; }
}
