namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of UntagResource (empty).</summary>
internal sealed record UntagResourceResponse
{
}
