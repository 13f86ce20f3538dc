using System.Collections.Immutable;
using System.CommandLine;
using System.Text;
using EksAccess.Core.Config;
using EksAccess.Core.Rendering;
using EksAccess.Core.Desired;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess render -f access.yaml --format k8s|iam|… [--output-dir DIR]</c>: the artifacts a person would otherwise
/// write by hand. Without --output-dir the files go to stdout (k8s as one multi-document YAML stream, other formats each
/// preceded by a <c># ==&gt; path &lt;==</c> line); with it they are written into DIR all at once, one line per file on stdout.
/// </summary>
internal static class RenderCommand
{
    /// <summary>eksaccess render: the access config, the --format, and the output directory (null → stdout).</summary>
    internal sealed record Request(string File, string Format, string? OutputDirectory);

    private static readonly Option<string> File = GlobalOptions.CreateFile();

    private static readonly Option<string> Format = new("--format")
    {
        Description = $"What to render: {string.Join(", ", RendererCatalog.Formats)}.",
        Required = true,
    };

    private static readonly Option<string?> OutputDirectory = new("--output-dir", "-d")
    {
        Description = "Write the files into this directory (created if missing) instead of stdout.",
    };

    public static Command Create(CliContext context)
    {
        var command = new Command("render", "Render the artifacts of an access config: Kubernetes manifests, IAM policies, …");
        command.Options.Add(File);
        command.Options.Add(Format);
        command.Options.Add(OutputDirectory);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(parseResult.GetRequiredValue(File), parseResult.GetRequiredValue(Format), parseResult.GetValue(OutputDirectory)),
            context,
            cancellationToken));
        return command;
    }

    internal static Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var renderer = Renderer(request.Format);
        return RunAsync(request, renderer, ConfigLoader.LoadValid(request.File), context, cancellationToken);
    }

    /// <summary>The same command with the config already read (tests pass configs built in code).</summary>
    internal static Task<int> RunAsync(Request request, AccessConfig config, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(request, Renderer(request.Format), config, context, cancellationToken);
    }

    private static async Task<int> RunAsync(Request request, IArtifactRenderer renderer, AccessConfig config, CliContext context, CancellationToken cancellationToken)
    {
        var files = Render(renderer, config with { SourceFile = DisplayPath(config.SourceFile) });
        if (files.IsEmpty)
        {
            await context.Stderr.WriteLineAsync($"note: {config.SourceFile} has nothing to render as {renderer.Format} (e.g. an access-entries-only config has no Kubernetes objects)").ConfigureAwait(false);
        }

        if (request.OutputDirectory is null)
        {
            await context.Stdout.WriteAsync(ToStdout(renderer, files).AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var written = await OutputDirectoryWriter.WriteAsync(request.OutputDirectory, files, cancellationToken).ConfigureAwait(false);
        foreach (var path in written.Written)
        {
            await context.Stdout.WriteLineAsync(path).ConfigureAwait(false);
        }

        foreach (var path in written.NotRendered)
        {
            await context.Stderr.WriteLineAsync($"warning: {path} was not rendered this time; delete it if it is stale").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>Headers name the config as the user gave it; an absolute path would leak the rendering machine's layout into shared files.</summary>
    private static string DisplayPath(string sourceFile) => Path.IsPathRooted(sourceFile) ? Path.GetFileName(sourceFile) : sourceFile.Replace('\\', '/');

    private static IArtifactRenderer Renderer(string format)
    {
        if (RendererCatalog.TryGet(format, out var renderer))
        {
            return renderer;
        }

        throw new InputException($"unknown --format '{format}' — use one of: {string.Join(", ", RendererCatalog.Formats)}");
    }

    private static ImmutableArray<RenderedFile> Render(IArtifactRenderer renderer, AccessConfig config)
    {
        try
        {
            return renderer.Render(config, DesiredState.Build(config));
        }
        catch (ArgumentException ex)
        {
            // Core refuses a reference validation should have caught (an unknown member or role name).
            throw new InputException($"{config.SourceFile}: {ex.Message} — run 'eksaccess validate -f {config.SourceFile}'", ex);
        }
    }

    private static string ToStdout(IArtifactRenderer renderer, ImmutableArray<RenderedFile> files)
    {
        if (string.Equals(renderer.Format, KubernetesArtifactRenderer.FormatName, StringComparison.Ordinal))
        {
            return KubernetesManifestRenderer.ToStream(files);
        }

        var builder = new StringBuilder();
        foreach (var file in files)
        {
            builder.Append("# ==> ").Append(file.RelativePath).Append(" <==\n").Append(file.Content);
        }

        return builder.ToString();
    }
}
