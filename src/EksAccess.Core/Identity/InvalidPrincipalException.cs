namespace EksAccess.Core.Identity;

/// <summary>
/// A principal ARN or session name that no IAM caller can have, given to the identity resolver (Authentication/IdentityResolver).
/// The message is written for the user (what is wrong, how to fix it), so commands print it as the one error line.
/// </summary>
public sealed class InvalidPrincipalException : ArgumentException
{
    public InvalidPrincipalException()
    {
    }

    public InvalidPrincipalException(string message)
        : base(message)
    {
    }

    public InvalidPrincipalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
