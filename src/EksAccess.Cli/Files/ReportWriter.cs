using System.Text;
using EksAccess.Core.Reporting;

namespace EksAccess.Cli.Files;

/// <summary>Writes a report page to stdout, or to a file through a temp file beside it and a rename (never half a page).</summary>
internal static class ReportWriter
{
    public static async Task WriteAsync(AccessReport report, string? path, CliContext context, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            HtmlReportRenderer.Render(report, context.Stdout);
            return;
        }

        var full = Path.GetFullPath(path);
        var temporary = Path.Join(Path.GetDirectoryName(full), $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                HtmlReportRenderer.Render(report, writer);
                await writer.FlushAsync(cancellationToken);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"--output-file {path}: {ex.Message} — give a writable path");
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        await context.Stderr.WriteLineAsync($"wrote {path}");
    }
}
