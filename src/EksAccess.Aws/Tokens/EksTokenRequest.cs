namespace EksAccess.Aws.Tokens;

/// <summary>What <c>eksaccess token</c> (and <c>aws eks get-token</c>) is asked for.</summary>
public sealed record EksTokenRequest
{
    /// <summary>The cluster name, signed into the token as <c>x-k8s-aws-id</c>.</summary>
    public required string ClusterName { get; init; }

    /// <summary>The region (<c>--region</c>); null for the settings' region chain.</summary>
    public string? Region { get; init; }

    /// <summary>A role to assume first (<c>--role-arn</c>); the token then authenticates as that role's session.</summary>
    public string? RoleArn { get; init; }

    /// <summary>The session name for <see cref="RoleArn"/> (default <c>EKSGetTokenAuth</c>, as aws eks get-token).</summary>
    public string? SessionName { get; init; }

    /// <summary>Neither read nor write the token cache.</summary>
    public bool NoCache { get; init; }
}
