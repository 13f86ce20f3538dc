using EksAccess.Aws;

namespace EksAccess.Cli;

/// <summary>Turns AWS client failures into the CLI's exit-code family in one place: <see cref="RemoteException"/> (exit 4) with one line — the operation, the error code and what to try — or, for <see cref="RunAsync"/> callers, input errors (exit 3) for configuration problems and missing resources.</summary>
internal static class AwsFailures
{
    /// <summary>Runs <paramref name="call"/>; configuration problems become exit 3, a missing resource exit 3 with <paramref name="notFoundHint"/>, other failed AWS calls exit 4.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, string notFoundHint)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AwsConfigurationException ex)
        {
            throw new InputException(ex.Message, ex);
        }
        catch (AwsServiceException ex) when (string.Equals(ex.ErrorCode, "ResourceNotFoundException", StringComparison.Ordinal))
        {
            throw new InputException($"{ex.Message} — {notFoundHint}", ex);
        }
        catch (AwsServiceException ex)
        {
            throw ToRemote(ex);
        }
    }

    public static bool IsAwsFailure(Exception exception) => exception is AwsServiceException or AwsConfigurationException;

    public static RemoteException ToRemote(Exception exception, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var lead = prefix is null ? "" : prefix + ": ";
        return exception switch
        {
            AwsServiceException aws => new RemoteException($"{lead}AWS {aws.Message} — {Hint(aws)}", aws),
            AwsConfigurationException config => new RemoteException($"{lead}AWS configuration: {config.Message} — set --profile/--region (or AWS_PROFILE/AWS_REGION) and check your credentials", config),
            _ => new RemoteException(lead + exception.Message, exception),
        };
    }

    public static string Hint(AwsServiceException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = exception.ErrorCode;
        if (code.StartsWith("AccessDenied", StringComparison.Ordinal) || code is "UnauthorizedOperation" or "AuthorizationError")
        {
            return $"the caller may not call {exception.Operation}: grant it, or use another --profile";
        }

        return code switch
        {
            "ExpiredToken" or "ExpiredTokenException" or "InvalidClientTokenId" or "UnrecognizedClientException" or "SignatureDoesNotMatch" or "InvalidSignatureException"
                => "the credentials are invalid or expired: refresh them (aws sso login, or another --profile)",
            "RequestFailed" or "RequestTimeout" => "AWS could not be reached: check the network, --region and --endpoint-url",
            "ResourceNotFoundException" when string.Equals(exception.Operation, "DescribeCluster", StringComparison.Ordinal)
                => "check the cluster name and --region (aws eks list-clusters)",
            "ResourceInUseException" => "another update is in progress: wait for it to finish and run again",
            _ when exception.StatusCode is { } status && (int)status >= 500 => "AWS failed after retries: run again in a moment",
            _ => "fix the cause and run again; what was applied stays and a re-run converges",
        };
    }
}
