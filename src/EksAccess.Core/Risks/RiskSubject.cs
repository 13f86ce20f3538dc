namespace EksAccess.Core.Risks;

/// <summary>The Kubernetes subject a finding is about: a User, Group or ServiceAccount (namespace for service accounts only).</summary>
public sealed record RiskSubject(string Kind, string Name, string Namespace = "")
{
    public override string ToString() => Namespace.Length == 0 ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}
