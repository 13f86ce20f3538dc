namespace EksAccess.Core.Migration;

/// <summary>One request of the can-i matrix whose answer changes: <see cref="Request"/> as a kubectl auth can-i line.</summary>
public sealed record RequestChange(string Request, bool Before, bool After);
