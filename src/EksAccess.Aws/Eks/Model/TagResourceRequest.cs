namespace EksAccess.Aws.Eks.Model;

/// <summary>Input of TagResource (<c>POST /tags/{resourceArn}</c>): adds or overwrites tags on an EKS resource (here: an access entry).</summary>
internal sealed record TagResourceRequest
{
    public string? ResourceArn { get; init; }

    public Dictionary<string, string>? Tags { get; init; }
}
