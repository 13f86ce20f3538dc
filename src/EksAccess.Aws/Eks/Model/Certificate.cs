namespace EksAccess.Aws.Eks.Model;

/// <summary>The cluster's certificate authority (base64 PEM).</summary>
internal sealed record Certificate
{
    public string? Data { get; init; }
}
