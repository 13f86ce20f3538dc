namespace EksAccess.Core.Migration;

/// <summary>A change the matrix cannot judge (system:masters turned into a policy, node groups EKS fixes): equal permissions, not identical behaviour — a person decides.</summary>
public sealed record ReviewItem(string PrincipalArn, string Source, string Note);
