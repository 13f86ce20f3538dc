namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of TagResource (empty).</summary>
internal sealed record TagResourceResponse
{
}
