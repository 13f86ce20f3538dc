namespace EksAccess.Core.Revocation;

/// <summary>An inline policy: its name and JSON document (URL-decoded).</summary>
public sealed record IamPolicyFacts(string Name, string Document);
