namespace EksAccess.Core.Revocation;

/// <summary>An access key of the user: its id and status (Active or Inactive).</summary>
public sealed record AccessKeyFacts(string AccessKeyId, string Status)
{
    public const string Active = "Active";
    public const string Inactive = "Inactive";

    public bool IsActive => string.Equals(Status, Active, StringComparison.Ordinal);
}
