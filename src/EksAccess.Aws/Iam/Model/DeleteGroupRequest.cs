namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of DeleteGroup.</summary>
public sealed record DeleteGroupRequest
{
    public string? GroupName { get; init; }
}
