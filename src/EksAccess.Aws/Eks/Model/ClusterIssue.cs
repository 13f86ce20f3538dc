namespace EksAccess.Aws.Eks.Model;

/// <summary>One cluster health issue.</summary>
internal sealed record ClusterIssue
{
    public string? Code { get; init; }

    public string? Message { get; init; }

    public List<string>? ResourceIds { get; init; }
}
