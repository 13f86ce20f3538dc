namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of PutGroupPolicy.</summary>
internal sealed record PutGroupPolicyRequest
{
    public string? GroupName { get; init; }

    public string? PolicyName { get; init; }

    public string? PolicyDocument { get; init; }
}
