using System.Collections.Immutable;

namespace EksAccess.Kubernetes;

/// <summary>An aws-auth write eksaccess will not make (a node role dropped, no admin left, text the authenticator would misread).</summary>
public sealed class AwsAuthRefusedException : Exception
{
    public AwsAuthRefusedException(ImmutableArray<string> refusals)
        : base("refusing to write kube-system/aws-auth: " + string.Join("; ", refusals))
    {
        Refusals = refusals;
    }

    public AwsAuthRefusedException()
        : this([])
    {
    }

    public AwsAuthRefusedException(string message)
        : this([message])
    {
    }

    public AwsAuthRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Refusals = [message];
    }

    public ImmutableArray<string> Refusals { get; }
}
