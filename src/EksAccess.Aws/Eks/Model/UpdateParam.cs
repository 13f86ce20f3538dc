namespace EksAccess.Aws.Eks.Model;

/// <summary>One parameter of an update.</summary>
public sealed record UpdateParam
{
    public string? Type { get; init; }

    public string? Value { get; init; }
}
