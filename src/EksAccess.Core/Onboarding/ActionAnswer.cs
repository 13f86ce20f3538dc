namespace EksAccess.Core.Onboarding;

/// <summary>One can-i question (as kubectl auth can-i arguments) and whether the identity may.</summary>
public sealed record ActionAnswer(string Action, bool Allowed);
