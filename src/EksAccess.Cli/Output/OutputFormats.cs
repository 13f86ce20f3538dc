using System.CommandLine;

namespace EksAccess.Cli.Output;

/// <summary>The one <c>-o/--output</c> option every data command uses.</summary>
internal static class OutputFormats
{
    /// <summary>-o table|json|yaml, plus <paramref name="extra"/> formats where a command has them; table by default.</summary>
    public static Option<OutputFormat> Create(string description, params OutputFormat[] extra)
    {
        string[] names = [.. new[] { OutputFormat.Table, OutputFormat.Json, OutputFormat.Yaml }.Concat(extra).Select(Name)];

        // Parsed by name here and checked by AcceptOnlyFromAmong, so an unknown value gets one message listing the choices.
        return new Option<OutputFormat>("--output", "-o")
        {
            Description = $"Output format: {description}",
            DefaultValueFactory = _ => OutputFormat.Table,
            CustomParser = result => result.Tokens is [var token] && Enum.TryParse<OutputFormat>(token.Value, ignoreCase: true, out var format) ? format : OutputFormat.Table,
        }.AcceptOnlyFromAmong(names);
    }

    public static string Name(this OutputFormat format) => format.ToString().ToLowerInvariant();

    public static bool IsStructured(this OutputFormat format) => format is OutputFormat.Json or OutputFormat.Yaml;
}
