namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of DeleteGroup.</summary>
internal sealed record DeleteGroupRequest
{
    public string? GroupName { get; init; }
}
