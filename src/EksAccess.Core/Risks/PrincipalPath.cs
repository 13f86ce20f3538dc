using System.Collections.Immutable;

namespace EksAccess.Core.Risks;

/// <summary>
/// How one IAM principal reaches a Kubernetes identity: the steps from the ARN (and the group whose members may
/// assume it, when known) through the access entry or aws-auth mapping to the username and groups.
/// </summary>
public sealed record PrincipalPath(string PrincipalArn, ImmutableArray<string> Steps);
