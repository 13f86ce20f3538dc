namespace EksAccess.Aws.Eks.Model;

/// <summary>Input of UntagResource (<c>DELETE /tags/{resourceArn}?tagKeys=K&amp;tagKeys=…</c>).</summary>
internal sealed record UntagResourceRequest
{
    public string? ResourceArn { get; init; }

    public List<string>? TagKeys { get; init; }
}
