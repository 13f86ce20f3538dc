namespace EksAccess.Aws.Tests.Tokens;

/// <summary>Checks an EKS token's signature with botocore (Tools/verify_eks_token.py).</summary>
internal static class BotocoreTokenCheck
{
    /// <summary>"match" or "mismatch …".</summary>
    public static async Task<string> VerifyAsync(string token, string clusterId, string secretKey, string? sessionToken = null)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Tools", "verify_eks_token.py");
        string[] arguments = sessionToken is null ? [script, token, clusterId, secretKey] : [script, token, clusterId, secretKey, sessionToken];
        var (_, stdout, stderr) = await ExternalTool.RunAsync("python3", arguments);
        return (stdout + stderr).Trim();
    }
}
