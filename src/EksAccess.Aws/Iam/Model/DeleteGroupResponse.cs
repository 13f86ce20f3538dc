namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of DeleteGroup (empty).</summary>
public sealed record DeleteGroupResponse
{
}
