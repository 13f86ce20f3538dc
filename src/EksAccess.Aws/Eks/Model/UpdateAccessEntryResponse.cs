namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of UpdateAccessEntry.</summary>
public sealed record UpdateAccessEntryResponse
{
    public AccessEntry? AccessEntry { get; init; }
}
