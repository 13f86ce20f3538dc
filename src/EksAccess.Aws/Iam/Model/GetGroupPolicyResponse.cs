namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of GetGroupPolicy; the document is URL-decoded.</summary>
internal sealed record GetGroupPolicyResponse
{
    public string? GroupName { get; init; }

    public string? PolicyName { get; init; }

    public string? PolicyDocument { get; init; }
}
