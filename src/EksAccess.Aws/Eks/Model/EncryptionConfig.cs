namespace EksAccess.Aws.Eks.Model;

/// <summary>An envelope-encryption configuration.</summary>
internal sealed record EncryptionConfig
{
    public List<string>? Resources { get; init; }

    public Provider? Provider { get; init; }
}
