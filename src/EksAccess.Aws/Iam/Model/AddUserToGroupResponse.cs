namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of AddUserToGroup (empty).</summary>
public sealed record AddUserToGroupResponse
{
}
