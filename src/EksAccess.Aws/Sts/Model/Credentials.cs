using System.Text;

namespace EksAccess.Aws.Sts.Model;

/// <summary>Temporary credentials from AssumeRole. <see cref="ToString"/> never shows the secret or the token.</summary>
internal sealed record Credentials
{
    public string? AccessKeyId { get; init; }

    public string? SecretAccessKey { get; init; }

    public string? SessionToken { get; init; }

    public DateTime? Expiration { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AccessKeyId = ").Append(AccessKeyId)
            .Append(", SecretAccessKey = ").Append(SecretAccessKey is null ? "" : "***")
            .Append(", SessionToken = ").Append(SessionToken is null ? "" : "***")
            .Append(", Expiration = ").Append(Expiration?.ToString("O"));
        return true;
    }
}
