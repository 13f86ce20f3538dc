namespace EksAccess.Core.Migration;

public enum PrincipalLookupState
{
    Found,
    NotFound,
    Unresolvable,
}
