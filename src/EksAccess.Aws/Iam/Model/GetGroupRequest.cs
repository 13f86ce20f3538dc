namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of GetGroup (the group and its members).</summary>
internal sealed record GetGroupRequest
{
    public string? GroupName { get; init; }

    public string? Marker { get; init; }

    public int? MaxItems { get; init; }
}
