namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of ListAccessKeys.</summary>
internal sealed record ListAccessKeysResponse
{
    public List<AccessKeyMetadata>? AccessKeyMetadata { get; init; }

    public bool? IsTruncated { get; init; }

    public string? Marker { get; init; }
}
