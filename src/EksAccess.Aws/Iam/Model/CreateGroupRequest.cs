namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of CreateGroup.</summary>
public sealed record CreateGroupRequest
{
    public string? Path { get; init; }

    public string? GroupName { get; init; }
}
