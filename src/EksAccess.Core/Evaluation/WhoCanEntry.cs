namespace EksAccess.Core.Evaluation;

/// <summary>One answer of who-can: an IAM principal, User, Group or ServiceAccount, and the path that grants it.</summary>
public sealed record WhoCanEntry(string Kind, string Name, string Namespace, string Via)
{
    public const string IamPrincipalKind = "IAMPrincipal";
}
