namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of ListUsers.</summary>
internal sealed record ListUsersRequest
{
    public string? PathPrefix { get; init; }

    public string? Marker { get; init; }

    public int? MaxItems { get; init; }
}
