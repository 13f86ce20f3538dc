namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of DeleteAccessEntry (empty).</summary>
internal sealed record DeleteAccessEntryResponse
{
}
