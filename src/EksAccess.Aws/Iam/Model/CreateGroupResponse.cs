namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of CreateGroup.</summary>
internal sealed record CreateGroupResponse
{
    public Group? Group { get; init; }
}
