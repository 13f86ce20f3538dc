namespace EksAccess.Cli;

/// <summary>
/// <c>--flag=</c> (an empty value written with '=') becomes <c>--flag ""</c> before parsing. System.CommandLine drops
/// an empty value after '=' and then takes the next argument as the value (<c>--api-group= -n ns</c> would ask about
/// group "-n"); an explicit empty value is what the user wrote, and it is what <c>can-i --api-group=</c> (core) means.
/// </summary>
internal static class EmptyOptionValues
{
    public static string[] Expand(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var expanded = new List<string>(args.Length + 1);
        var optionsDone = false;
        foreach (var arg in args)
        {
            optionsDone |= string.Equals(arg, "--", StringComparison.Ordinal);
            if (!optionsDone && arg.Length > 3 && arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) == arg.Length - 1)
            {
                expanded.Add(arg[..^1]);
                expanded.Add("");
            }
            else
            {
                expanded.Add(arg);
            }
        }

        return [.. expanded];
    }
}
