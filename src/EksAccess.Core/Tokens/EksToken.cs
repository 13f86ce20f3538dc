using System.Buffers.Text;
using System.Text;

namespace EksAccess.Core.Tokens;

/// <summary>
/// The EKS bearer token format (docs/reference/eks-semantics.md §g): <c>k8s-aws-v1.</c> followed by the presigned STS
/// GetCallerIdentity URL in base64url with the padding removed.
/// </summary>
public static class EksToken
{
    public const string Prefix = "k8s-aws-v1.";

    /// <summary>The longest token the EKS authenticator accepts.</summary>
    public const int MaxLength = 4096;

    public static string Encode(string presignedUrl)
    {
        ArgumentNullException.ThrowIfNull(presignedUrl);
        return Prefix + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(presignedUrl));
    }

    /// <summary>The presigned URL inside <paramref name="token"/>; false when it is not an EKS token.</summary>
    public static bool TryDecode(string token, out string presignedUrl)
    {
        ArgumentNullException.ThrowIfNull(token);
        presignedUrl = "";
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var payload = token.AsSpan(Prefix.Length);
        if (!Base64Url.IsValid(payload))
        {
            return false;
        }

        presignedUrl = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(payload));
        return true;
    }
}
