namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of RemoveUserFromGroup (empty).</summary>
internal sealed record RemoveUserFromGroupResponse
{
}
