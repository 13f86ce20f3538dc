namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of GetUserPolicy; the document is URL-decoded.</summary>
internal sealed record GetUserPolicyResponse
{
    public string? UserName { get; init; }

    public string? PolicyName { get; init; }

    public string? PolicyDocument { get; init; }
}
