namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of ListRoles.</summary>
internal sealed record ListRolesRequest
{
    public string? PathPrefix { get; init; }

    public string? Marker { get; init; }

    public int? MaxItems { get; init; }
}
