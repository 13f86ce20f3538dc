namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of DeleteUser (empty).</summary>
public sealed record DeleteUserResponse
{
}
