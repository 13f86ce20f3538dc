using EksAccess.Core.Tokens;

namespace EksAccess.Aws.Tokens;

/// <summary>A token, when it was signed, and whether it came from the cache. <see cref="ToString"/> never shows the token.</summary>
public sealed record EksTokenResult(string Token, DateTimeOffset SignedAt, bool FromCache)
{
    /// <summary>What the ExecCredential advertises: signing time + 14 minutes.</summary>
    public DateTimeOffset ExpirationTimestamp => EksTokenLifetime.ExpirationFor(SignedAt);

    public ExecCredential ToExecCredential(string apiVersion) => new(apiVersion, Token, ExpirationTimestamp);

    public override string ToString() => $"EksTokenResult {{ SignedAt = {SignedAt:O}, FromCache = {FromCache}, Token = *** }}";
}
