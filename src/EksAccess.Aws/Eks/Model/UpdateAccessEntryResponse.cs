namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of UpdateAccessEntry.</summary>
internal sealed record UpdateAccessEntryResponse
{
    public AccessEntry? AccessEntry { get; init; }
}
