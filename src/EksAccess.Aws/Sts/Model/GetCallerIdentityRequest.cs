namespace EksAccess.Aws.Sts.Model;

/// <summary>Input of GetCallerIdentity (empty).</summary>
public sealed record GetCallerIdentityRequest
{
}
