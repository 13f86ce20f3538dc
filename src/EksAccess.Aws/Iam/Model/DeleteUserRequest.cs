namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of DeleteUser.</summary>
internal sealed record DeleteUserRequest
{
    public string? UserName { get; init; }
}
