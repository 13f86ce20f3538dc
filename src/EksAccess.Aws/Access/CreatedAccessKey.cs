namespace EksAccess.Aws.Access;

/// <summary>A new access key as iam:CreateAccessKey returned it; the secret is shown this once and must never be printed.</summary>
public sealed record CreatedAccessKey(string UserName, string? AccessKeyId, string? Status, string? SecretAccessKey, DateTime? CreateDate);
