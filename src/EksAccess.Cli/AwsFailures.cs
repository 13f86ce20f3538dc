using EksAccess.Aws;

namespace EksAccess.Cli;

/// <summary>Turns the AWS adapter's failures into the CLI's exit-code family, in one place for the commands that call AWS.</summary>
internal static class AwsFailures
{
    /// <summary>Runs <paramref name="call"/>; configuration problems become exit 3, failed AWS calls exit 4 (a missing resource 3).</summary>
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
            throw new RemoteException(ex.Message, ex);
        }
    }
}
