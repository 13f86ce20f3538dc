namespace EksAccess.Core.Authorization;

/// <summary>A binding subject. <see cref="Kind"/> is "User", "Group" or "ServiceAccount"; <see cref="Namespace"/> is "" when absent.</summary>
public sealed record Subject(string Kind, string Name, string Namespace = "")
{
    public const string UserKind = "User";
    public const string GroupKind = "Group";
    public const string ServiceAccountKind = "ServiceAccount";
}
