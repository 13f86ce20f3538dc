namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of CreateAccessEntry.</summary>
internal sealed record CreateAccessEntryResponse
{
    public AccessEntry? AccessEntry { get; init; }
}
