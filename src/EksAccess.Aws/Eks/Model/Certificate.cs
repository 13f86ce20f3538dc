namespace EksAccess.Aws.Eks.Model;

/// <summary>The cluster's certificate authority (base64 PEM).</summary>
public sealed record Certificate
{
    public string? Data { get; init; }
}
