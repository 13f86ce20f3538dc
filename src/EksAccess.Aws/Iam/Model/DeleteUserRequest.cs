namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of DeleteUser.</summary>
public sealed record DeleteUserRequest
{
    public string? UserName { get; init; }
}
