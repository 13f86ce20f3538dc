namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of CreateUser.</summary>
public sealed record CreateUserResponse
{
    public User? User { get; init; }
}
