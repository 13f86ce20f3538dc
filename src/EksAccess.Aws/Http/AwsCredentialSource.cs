using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace EksAccess.Aws.Http;

/// <summary>
/// The credentials every client signs with: explicit ones, else the named profile (static keys, assume-role, SSO,
/// credential_process, web identity), else AWSSDK.Core's default chain. Resolved once, on first use; refreshing
/// credentials (assumed roles, SSO, metadata) refresh themselves inside the SDK.
/// </summary>
internal sealed class AwsCredentialSource
{
    private readonly Lazy<AWSCredentials> _credentials;

    public AwsCredentialSource(AwsClientSettings settings, AwsEndpointResolver endpoints)
    {
        _credentials = new Lazy<AWSCredentials>(() => Resolve(settings, endpoints));
    }

    public AWSCredentials Credentials => _credentials.Value;

    public async Task<ImmutableCredentials> GetAsync()
    {
        try
        {
            return await Credentials.GetCredentialsAsync();
        }
        catch (AmazonClientException exception)
        {
            throw new AwsConfigurationException($"cannot get AWS credentials: {OneLine(exception.Message)}", exception);
        }
        catch (AmazonServiceException exception)
        {
            // e.g. the profile's source credentials may not assume its role_arn, or the SSO token expired.
            throw new AwsConfigurationException($"cannot get AWS credentials: {exception.ErrorCode}: {OneLine(exception.Message)}", exception);
        }
    }

    private static AWSCredentials Resolve(AwsClientSettings settings, AwsEndpointResolver endpoints)
    {
        if (settings.Credentials is not null)
        {
            return settings.Credentials;
        }

        try
        {
            if (!string.IsNullOrWhiteSpace(settings.Profile))
            {
                var chain = new CredentialProfileStoreChain();
                if (!chain.TryGetAWSCredentials(settings.Profile, out var fromProfile))
                {
                    throw new AwsConfigurationException(
                        $"the AWS profile '{settings.Profile}' could not be found or has no usable credentials (check ~/.aws/config and ~/.aws/credentials, or run aws sso login --profile {settings.Profile})");
                }

                return fromProfile;
            }

            return DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        }
        catch (InvalidDataException exception)
        {
            throw UnparsableConfigFile(exception);
        }
        catch (AmazonClientException exception)
        {
            var profile = endpoints.ProfileName is null ? "" : $" (profile '{endpoints.ProfileName}')";
            throw new AwsConfigurationException(
                $"cannot find AWS credentials{profile}: {OneLine(exception.Message)}. Set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run aws configure / aws sso login",
                exception);
        }
    }

    /// <summary>
    /// AWSSDK.Core's INI reader throws <see cref="InvalidDataException"/> on a line that is no section, property or
    /// comment; the AWS CLI says "Unable to parse config file: PATH" (botocore ConfigParseError), and so do we.
    /// </summary>
    internal static AwsConfigurationException UnparsableConfigFile(InvalidDataException exception) =>
        new($"Unable to parse config file: {OneLine(exception.Message)} — fix the line or move the file (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE name other files)", exception);

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
