namespace EksAccess.Aws.Iam.Model;

/// <summary>An IAM tag.</summary>
internal sealed record Tag
{
    public string? Key { get; init; }

    public string? Value { get; init; }
}
