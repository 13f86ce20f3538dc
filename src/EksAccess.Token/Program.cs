using EksAccess.Aws.Tokens;

namespace EksAccess.Token;

/// <summary><c>eksaccess-token [token] --cluster-name NAME …</c>: what <c>eksaccess token</c> does, without the rest of the CLI.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        var words = args is ["token", ..] ? args[1..] : args;
        return await EksTokenProgram.RunAsync(words, Console.Out, Console.Error, Environment.GetEnvironmentVariable, TimeProvider.System, cancellation.Token);
    }
}
