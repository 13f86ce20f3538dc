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
        var parseResult = root.Parse(EmptyOptionValues.Expand(args));
        var verbose = parseResult.GetValue(GlobalOptions.Verbose);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await context.Stderr.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            await context.Stderr.WriteLineAsync("Run 'eksaccess --help' (or 'eksaccess COMMAND --help') for usage.").ConfigureAwait(false);
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
#pragma warning disable CA1031 // The last line of defence: an unexpected failure is still one line and exit 3, never a bare stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await context.Stderr.WriteLineAsync($"error: {ex.GetType().Name}: {ex.Message} (run with --verbose for details)").ConfigureAwait(false);
            if (verbose)
            {
                await context.Stderr.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.InvalidInput;
        }
    }
}
