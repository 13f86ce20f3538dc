namespace EksAccess.Core.Tokens;

/// <summary>
/// How long an EKS token lives (docs/reference/eks-semantics.md §g): the server accepts it for 15 minutes after its X-Amz-Date whatever
/// X-Amz-Expires says; <c>aws eks get-token</c> advertises 14 minutes so that clients refresh in time.
/// </summary>
public static class EksTokenLifetime
{
    /// <summary>The presigned URL's X-Amz-Expires, in seconds, as aws eks get-token sets it.</summary>
    public const int PresignExpiresSeconds = 60;

    /// <summary>How long the EKS authenticator accepts a token after it was signed.</summary>
    public static TimeSpan ServerValidity { get; } = TimeSpan.FromMinutes(15);

    /// <summary>What the ExecCredential advertises: signing time + 14 minutes.</summary>
    public static TimeSpan Advertised { get; } = TimeSpan.FromMinutes(14);

    /// <summary>A cached token is reused only while at least this much of its server validity remains.</summary>
    public static TimeSpan MinimumRemainingForReuse { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The expirationTimestamp for a token signed at <paramref name="signedAt"/>, truncated to whole seconds.</summary>
    public static DateTimeOffset ExpirationFor(DateTimeOffset signedAt)
    {
        var utc = signedAt.ToUniversalTime() + Advertised;
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>
    /// Whether a token signed at <paramref name="signedAt"/> may still be handed out at <paramref name="now"/>: at least
    /// <see cref="MinimumRemainingForReuse"/> of its 15 minutes left, and not signed in the future (a clock that went
    /// back is not trusted).
    /// </summary>
    public static bool IsReusable(DateTimeOffset signedAt, DateTimeOffset now) =>
        signedAt <= now + TimeSpan.FromMinutes(1)
        && signedAt + ServerValidity - now >= MinimumRemainingForReuse;
}
