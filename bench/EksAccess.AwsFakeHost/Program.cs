using System.Runtime.InteropServices;
using EksAccess.Testing.Aws;

namespace EksAccess.AwsFakeHost;

/// <summary>
/// <c>EksAccess.AwsFakeHost MOTO_URL</c>: starts the in-process AWS fake (EKS access entries, access config and updates
/// that moto lacks; everything else forwarded to moto) on a free loopback port, prints its URL on the first line of
/// stdout, and serves until the process is stopped (Ctrl+C or SIGTERM).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out var moto))
        {
            await Console.Error.WriteLineAsync("usage: EksAccess.AwsFakeHost http://127.0.0.1:MOTO_PORT/");
            return 3;
        }

        await using var fake = await AwsFake.StartAsync(moto, CancellationToken.None);
        await Console.Out.WriteLineAsync(fake.Url.ToString());
        await Console.Out.FlushAsync();
        using var stop = new CancellationTokenSource();
        // The fake's web host takes SIGTERM/SIGINT for itself (and would keep this process alive): stop on either.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
