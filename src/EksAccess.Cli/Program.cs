namespace EksAccess.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        return await EksAccessApp.RunAsync(args, CliContext.FromConsole()).ConfigureAwait(false);
    }
}
