namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of CreateGroup.</summary>
public sealed record CreateGroupResponse
{
    public Group? Group { get; init; }
}
