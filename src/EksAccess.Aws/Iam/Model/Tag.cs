namespace EksAccess.Aws.Iam.Model;

/// <summary>An IAM tag.</summary>
public sealed record Tag
{
    public string? Key { get; init; }

    public string? Value { get; init; }
}
