namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of GetUser.</summary>
internal sealed record GetUserResponse
{
    public User? User { get; init; }
}
