using Spectre.Console;

namespace EksAccess.Cli.Audit;

/// <summary>
/// A status line on stderr while a long pull runs (Spectre.Console), only when stderr is the console and a terminal and
/// --quiet is off; otherwise nothing, so redirected output and tests see only the answer.
/// </summary>
internal static class AuditProgress
{
    public static async Task RunAsync(CliContext context, bool quiet, Func<Action<string>, Task> work)
    {
        var enabled = !quiet && ReferenceEquals(context.Stderr, Console.Error) && !Console.IsErrorRedirected;
        if (!enabled)
        {
            await work(_ => { });
            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Status().StartAsync("reading audit records…", async status => await work(text => status.Status(text)));
    }
}
