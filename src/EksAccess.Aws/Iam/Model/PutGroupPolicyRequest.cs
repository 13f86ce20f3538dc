namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of PutGroupPolicy.</summary>
public sealed record PutGroupPolicyRequest
{
    public string? GroupName { get; init; }

    public string? PolicyName { get; init; }

    public string? PolicyDocument { get; init; }
}
