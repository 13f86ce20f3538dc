using EksAccess.Core.Authentication;

namespace EksAccess.Core.Evaluation;

/// <summary>A row of the access matrix: the principal and how it authenticates.</summary>
public sealed record MatrixPrincipal(string PrincipalArn, IdentityResolution Resolution);
