namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of DeleteAccessEntry (empty).</summary>
public sealed record DeleteAccessEntryResponse
{
}
