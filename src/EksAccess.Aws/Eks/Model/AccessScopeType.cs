namespace EksAccess.Aws.Eks.Model;

/// <summary>The values of the EKS <c>AccessScopeType</c> enum (lower case on the wire).</summary>
internal static class AccessScopeType
{
    public const string Cluster = "cluster";

    public const string Namespace = "namespace";
}
