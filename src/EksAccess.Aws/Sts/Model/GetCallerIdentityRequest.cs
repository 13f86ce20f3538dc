namespace EksAccess.Aws.Sts.Model;

/// <summary>Input of GetCallerIdentity (empty).</summary>
internal sealed record GetCallerIdentityRequest
{
}
