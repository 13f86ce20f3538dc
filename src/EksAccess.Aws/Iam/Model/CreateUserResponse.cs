namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of CreateUser.</summary>
internal sealed record CreateUserResponse
{
    public User? User { get; init; }
}
