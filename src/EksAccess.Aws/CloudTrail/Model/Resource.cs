namespace EksAccess.Aws.CloudTrail.Model;

/// <summary>A resource an event touched.</summary>
public sealed record Resource
{
    public string? ResourceType { get; init; }

    public string? ResourceName { get; init; }
}
