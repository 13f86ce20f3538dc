using EksAccess.Aws.Tokens;

namespace EksAccess.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // kubectl runs `eksaccess token` on every call: a well-formed one skips building the whole command tree.
        if (args is ["token", ..] && EksTokenArguments.TryParse(args[1..], out var token, out _))
        {
            using var cancellation = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancellation.Cancel();
            };
            return await EksTokenProgram.RunAsync(token!, Console.Out, Console.Error, Environment.GetEnvironmentVariable, TimeProvider.System, cancellation.Token).ConfigureAwait(false);
        }

        return await EksAccessApp.RunAsync(args, CliContext.FromConsole()).ConfigureAwait(false);
    }
}
