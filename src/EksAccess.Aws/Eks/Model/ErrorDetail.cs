namespace EksAccess.Aws.Eks.Model;

/// <summary>An error an update ran into.</summary>
internal sealed record ErrorDetail
{
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public List<string>? ResourceIds { get; init; }
}
