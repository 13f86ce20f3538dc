namespace EksAccess.Core.Desired;

/// <summary>A role's trust (assume-role) policy. <see cref="Document"/> is the JSON, 2-space indented, without a trailing newline.</summary>
public sealed record IamRoleTrustPolicy(string RoleName, string Document)
{
    /// <summary><c>iam/roles/NAME/trust-policy.json</c>.</summary>
    public string RelativePath => $"iam/roles/{RoleName}/trust-policy.json";
}
