namespace EksAccess.Aws.Iam.Model;

/// <summary>The values of the IAM <c>statusType</c> enum (access keys).</summary>
internal static class StatusType
{
    public const string Active = "Active";

    public const string Inactive = "Inactive";
}
