namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of AddUserToGroup.</summary>
internal sealed record AddUserToGroupRequest
{
    public string? GroupName { get; init; }

    public string? UserName { get; init; }
}
