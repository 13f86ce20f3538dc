namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of DeleteGroup (empty).</summary>
internal sealed record DeleteGroupResponse
{
}
