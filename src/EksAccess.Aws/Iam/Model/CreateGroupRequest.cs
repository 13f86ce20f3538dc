namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of CreateGroup.</summary>
internal sealed record CreateGroupRequest
{
    public string? Path { get; init; }

    public string? GroupName { get; init; }
}
