using System.Security.Cryptography;
using System.Text;

namespace EksAccess.Core.Tokens;

/// <summary>
/// The name of a cached token's file: the SHA-256 (hex) of everything that decides which token is right — cluster,
/// region, role, session name, profile and the access key id of the credentials that signed (or assumed the role).
/// Switching identity therefore never finds another identity's token.
/// </summary>
public static class EksTokenCacheKey
{
    /// <returns>null when the credentials cannot be identified (no access key id): such tokens are never cached.</returns>
    public static string? Compute(string clusterName, string region, string? roleArn, string? sessionName, string? profile, string? accessKeyId)
    {
        ArgumentNullException.ThrowIfNull(clusterName);
        ArgumentNullException.ThrowIfNull(region);
        if (string.IsNullOrWhiteSpace(accessKeyId))
        {
            return null;
        }

        // Length-prefixed fields, so no two different tuples give the same text.
        var builder = new StringBuilder("eksaccess-token-cache-v1");
        foreach (var field in new[] { clusterName, region, roleArn ?? "", sessionName ?? "", profile ?? "", accessKeyId })
        {
            builder.Append('\n').Append(field.Length).Append(':').Append(field);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
