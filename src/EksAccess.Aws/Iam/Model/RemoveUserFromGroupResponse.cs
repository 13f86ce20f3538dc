namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of RemoveUserFromGroup (empty).</summary>
public sealed record RemoveUserFromGroupResponse
{
}
