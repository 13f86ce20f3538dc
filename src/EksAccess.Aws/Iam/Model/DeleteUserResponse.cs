namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of DeleteUser (empty).</summary>
internal sealed record DeleteUserResponse
{
}
