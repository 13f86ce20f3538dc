namespace EksAccess.Core.Identity;

/// <summary>One item of list-associated-access-policies: policyArn + accessScope.</summary>
public sealed record AssociatedAccessPolicy(string PolicyArn, AccessScope AccessScope);
