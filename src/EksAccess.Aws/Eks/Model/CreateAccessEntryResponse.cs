namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of CreateAccessEntry.</summary>
public sealed record CreateAccessEntryResponse
{
    public AccessEntry? AccessEntry { get; init; }
}
