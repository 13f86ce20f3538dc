namespace EksAccess.Aws.Eks.Model;

/// <summary>One parameter of an update.</summary>
internal sealed record UpdateParam
{
    public string? Type { get; init; }

    public string? Value { get; init; }
}
