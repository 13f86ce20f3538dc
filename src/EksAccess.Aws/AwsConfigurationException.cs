namespace EksAccess.Aws;

/// <summary>AWS settings that cannot work: no region, no credentials, an unknown profile, a bad endpoint URL.</summary>
public sealed class AwsConfigurationException : Exception
{
    public AwsConfigurationException()
    {
    }

    public AwsConfigurationException(string message)
        : base(message)
    {
    }

    public AwsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
