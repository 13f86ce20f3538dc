namespace EksAccess.Core.Desired;

/// <summary>
/// An inline policy on an IAM user, role or group: one written in the config (<see cref="Generated"/> false) or one
/// eksaccess generates (EKSDescribeCluster, AssumeEksRoles). <see cref="Document"/> is the policy JSON, 2-space indented,
/// without a trailing newline.
/// </summary>
public sealed record IamInlinePolicy(IamEntityKind EntityKind, string EntityName, string PolicyName, string Document, bool Generated)
{
    /// <summary><c>iam/users|roles|groups/NAME/POLICY.json</c>.</summary>
    public string RelativePath => $"iam/{IamPolicyRenderer.Folder(EntityKind)}/{EntityName}/{PolicyName}.json";
}
