namespace EksAccess.Aws.Http;

/// <summary>Checks required request members before anything is sent, naming the operation and member.</summary>
internal static class Required
{
    public static string Member(string? value, string operation, string member)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"{operation}: the request member {member} is required.", member);
        }

        return value;
    }

    public static T Member<T>(T? value, string operation, string member)
        where T : class
    {
        return value ?? throw new ArgumentException($"{operation}: the request member {member} is required.", member);
    }
}
