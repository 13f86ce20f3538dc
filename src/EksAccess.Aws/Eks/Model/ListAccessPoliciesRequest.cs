namespace EksAccess.Aws.Eks.Model;

/// <summary>Input of ListAccessPolicies (<c>GET /access-policies</c>).</summary>
internal sealed record ListAccessPoliciesRequest
{
    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}
