using System.CommandLine;
using EksAccess.Cli.Commands;

namespace EksAccess.Cli;

/// <summary>Builds the root command and runs it with the exit-code contract applied in one place.</summary>
internal static class EksAccessApp
{
    public static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand("eksaccess: declarative, planned, provable access to Amazon EKS clusters.");
        root.Options.Add(GlobalOptions.Verbose);
        foreach (var command in CommandCatalog.Create(context))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var root = CreateRootCommand(context);
        args = EmptyOptionValues.Expand(args);
        var parseResult = root.Parse(args);
        var verbose = parseResult.GetValue(GlobalOptions.Verbose);
        var usageError = UsageErrors.FirstOrNull(parseResult, args);
        if (usageError is not null)
        {
            // One line: the first complaint is the cause; the parser's later ones are its echoes (a value taken as the
            // next flag's, a flag left without its value).
            await context.Stderr.WriteLineAsync($"error: {usageError} (see '{UsageErrors.CommandPath(parseResult)} --help')").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Stdout,
            Error = context.Stderr,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await context.Stderr.WriteLineAsync("error: interrupted").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (EksAccessException ex)
        {
            await context.Stderr.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            if (verbose)
            {
                await context.Stderr.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }

            return ex.ExitCode;
        }
        catch (EksAccess.Core.Identity.InvalidPrincipalException ex)
        {
            // --as-arn/--session-name (or a config's principal) that no IAM caller can have: bad input, exit 3.
            await context.Stderr.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
#pragma warning disable CA1031 // The last line of defence: an unexpected failure is still one line, never a bare stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // A bug, not bad input: its own exit code (sysexits EX_SOFTWARE) and lead, so scripts and users can tell them apart.
            await context.Stderr.WriteLineAsync($"internal error: {ex.GetType().Name}: {ex.Message} — this is a bug in eksaccess; run with --verbose and report it").ConfigureAwait(false);
            if (verbose)
            {
                await context.Stderr.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.InternalError;
        }
    }
}
