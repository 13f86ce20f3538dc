namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of GetUser.</summary>
public sealed record GetUserResponse
{
    public User? User { get; init; }
}
