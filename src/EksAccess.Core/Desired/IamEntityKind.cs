




namespace EksAccess.Core.Desired;

/// <summary>The IAM entity an inline policy is put on (put-user-policy, put-role-policy, put-group-policy).</summary>
public enum IamEntityKind
{
    User,
    Role,
    Group,
}
