using System.Text;

namespace EksAccess.Aws.Iam.Model;

/// <summary>
/// A new access key with its secret (only CreateAccessKey returns one). <see cref="ToString"/> never shows the
/// secret.
/// </summary>
internal sealed record AccessKey
{
    public string? UserName { get; init; }

    public string? AccessKeyId { get; init; }

    public string? Status { get; init; }

    public string? SecretAccessKey { get; init; }

    public DateTime? CreateDate { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("UserName = ").Append(UserName)
            .Append(", AccessKeyId = ").Append(AccessKeyId)
            .Append(", Status = ").Append(Status)
            .Append(", SecretAccessKey = ").Append(SecretAccessKey is null ? "" : "***")
            .Append(", CreateDate = ").Append(CreateDate?.ToString("O"));
        return true;
    }
}
