namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of AddUserToGroup (empty).</summary>
internal sealed record AddUserToGroupResponse
{
}
