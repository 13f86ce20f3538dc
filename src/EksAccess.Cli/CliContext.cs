namespace EksAccess.Cli;

/// <summary>What a command needs from the outside world; tests build it with StringWriters and temp dirs.</summary>
internal sealed record CliContext(TextWriter Stdout, TextWriter Stderr, TimeProvider Time)
{
    public static CliContext FromConsole() => new(Console.Out, Console.Error, TimeProvider.System);
}
