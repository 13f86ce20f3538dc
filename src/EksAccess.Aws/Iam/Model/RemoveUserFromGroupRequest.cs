namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of RemoveUserFromGroup.</summary>
internal sealed record RemoveUserFromGroupRequest
{
    public string? GroupName { get; init; }

    public string? UserName { get; init; }
}
