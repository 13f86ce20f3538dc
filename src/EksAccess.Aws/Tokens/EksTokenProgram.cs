using EksAccess.Core.Tokens;

namespace EksAccess.Aws.Tokens;

/// <summary>
/// <c>eksaccess token</c> end to end, shared by the CLI's <c>token</c> command, its start-up fast path and the
/// stand-alone NativeAOT <c>eksaccess-token</c>: resolve credentials, reuse or mint a token, print the ExecCredential.
/// stdout carries only the ExecCredential; stderr gets one <c>error: …</c> line (never the token) or aws's apiVersion
/// warnings. Exit codes follow the CLI's contract.
/// </summary>
public static class EksTokenProgram
{
    /// <summary>The CLI's exit codes (EksAccess.Cli.ExitCodes), repeated here for the stand-alone binary.</summary>
    public const int Success = 0;
    public const int InvalidInput = 3;
    public const int RemoteFailure = 4;
    public const int Interrupted = 130;

    /// <summary>Parses <paramref name="args"/> (the words after <c>token</c>) and runs; a parse error is exit 3.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<string, string?> environmentVariables, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        if (!EksTokenArguments.TryParse(args, out var arguments, out var error))
        {
            await stderr.WriteLineAsync($"error: {error}");
            return InvalidInput;
        }

        return await RunAsync(arguments!, stdout, stderr, environmentVariables, time, cancellationToken);
    }

    public static async Task<int> RunAsync(EksTokenArguments arguments, TextWriter stdout, TextWriter stderr, Func<string, string?> environmentVariables, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(environmentVariables);
        ArgumentNullException.ThrowIfNull(time);
        try
        {
            var credential = await GetExecCredentialAsync(arguments, stderr, environmentVariables, time, cancellationToken);
            await stdout.WriteAsync(credential.ToJson());
            await stdout.FlushAsync(cancellationToken);
            return Success;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("error: interrupted");
            return Interrupted;
        }
        catch (AwsConfigurationException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return InvalidInput;
        }
        catch (AwsServiceException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return RemoteFailure;
        }
    }

    /// <summary>The ExecCredential for <paramref name="arguments"/>; apiVersion warnings go to <paramref name="stderr"/>.</summary>
    public static async Task<ExecCredential> GetExecCredentialAsync(EksTokenArguments arguments, TextWriter stderr, Func<string, string?> environmentVariables, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(environmentVariables);
        var (apiVersion, warning) = ExecCredential.ApiVersionFromExecInfo(environmentVariables("KUBERNETES_EXEC_INFO"));
        if (warning is not null)
        {
            await stderr.WriteLineAsync(warning);
        }

        var settings = new AwsClientSettings
        {
            Profile = arguments.Profile,
            EndpointUrl = arguments.EndpointUrl,
            EnvironmentVariables = environmentVariables,
        };
        var cacheDirectory = environmentVariables("EKSACCESS_TOKEN_CACHE_DIR") ?? EksTokenCache.DefaultDirectory(environmentVariables);
        var cache = cacheDirectory is null ? null : new EksTokenCache(cacheDirectory);
        var result = await new EksTokenGenerator(settings, time, cache).GetTokenAsync(arguments.Request, cancellationToken);
        return result.ToExecCredential(apiVersion);
    }
}
