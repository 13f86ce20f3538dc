namespace EksAccess.Aws.Eks.Model;

/// <summary>The KMS key of an encryption configuration.</summary>
internal sealed record Provider
{
    public string? KeyArn { get; init; }
}
