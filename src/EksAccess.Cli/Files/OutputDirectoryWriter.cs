using System.Collections.Immutable;
using System.Text;
using EksAccess.Aws.Files;
using EksAccess.Core.Rendering;

namespace EksAccess.Cli;

/// <summary>
/// Writes rendered files into a directory without ever leaving a partial result: every file is written into a temp
/// directory beside the target first; only when all of them are complete are they moved into place (a new directory is
/// moved as a whole, files into an existing one are renamed one by one, each rename atomic).
/// </summary>
internal static class OutputDirectoryWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Written: the paths written (as DIR/relative). NotRendered: files already under the rendered top folders that this render did not write.</summary>
    /// <remarks>Files named in <paramref name="privateFiles"/> (relative paths) are written owner-only (0600) from the start.</remarks>
    public static async Task<(ImmutableArray<string> Written, ImmutableArray<string> NotRendered)> WriteAsync(
        string directory, ImmutableArray<RenderedFile> files, CancellationToken cancellationToken, IReadOnlySet<string>? privateFiles = null)
    {
        var target = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(target) ?? throw new InputException($"{directory}: cannot write into a file-system root — name a directory");
        if (File.Exists(target))
        {
            throw new InputException($"{directory}: is a file — --output-dir takes a directory");
        }

        var relative = files.Select(f => (File: f, Parts: SafeParts(f.RelativePath))).ToList();
        var temp = Path.Combine(parent, $".{Path.GetFileName(target)}.eksaccess-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            foreach (var (file, parts) in relative)
            {
                var path = Path.Combine([temp, .. parts]);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                if (privateFiles?.Contains(file.RelativePath) == true)
                {
                    await PrivateFile.WriteAsync(path, Utf8NoBom.GetBytes(file.Content), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await File.WriteAllTextAsync(path, file.Content, Utf8NoBom, cancellationToken).ConfigureAwait(false);
                }

                if (file.Executable && !OperatingSystem.IsWindows())
                {
                    // apply.sh is meant to be run as it is (rwxr-xr-x, as git checks out an executable script).
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            var notRendered = NotRendered(target, relative.Select(r => r.Parts).ToList(), directory);
            if (!Directory.Exists(target))
            {
                Directory.CreateDirectory(temp); // nothing rendered still yields the (empty) directory
                Directory.Move(temp, target);
            }
            else
            {
                foreach (var (_, parts) in relative)
                {
                    var destination = Path.Combine([target, .. parts]);
                    Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                    File.Move(Path.Combine([temp, .. parts]), destination, overwrite: true);
                }
            }

            return ([.. relative.Select(r => Path.Combine([directory, .. r.Parts]))], notRendered);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{directory}: cannot write the rendered files ({ex.Message}) — check the path and its permissions", ex);
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    private static string[] SafeParts(string relativePath)
    {
        var parts = relativePath.Split('/');
        if (Path.IsPathRooted(relativePath) || parts.Any(p => p.Length == 0 || p is "." or ".."))
        {
            throw new InvalidOperationException($"renderer produced an unsafe path '{relativePath}'");
        }

        return parts;
    }

    private static ImmutableArray<string> NotRendered(string target, List<string[]> rendered, string shownDirectory)
    {
        if (!Directory.Exists(target))
        {
            return [];
        }

        var renderedPaths = rendered.Select(p => string.Join('/', p)).ToHashSet(StringComparer.Ordinal);
        var topFolders = rendered.Where(p => p.Length > 1).Select(p => p[0]).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. topFolders
                .Where(folder => Directory.Exists(Path.Combine(target, folder)))
                .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(target, folder), "*", SearchOption.AllDirectories))
                .Select(path => Path.GetRelativePath(target, path).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(path => !renderedPaths.Contains(path))
                .Order(StringComparer.Ordinal)
                .Select(path => Path.Combine([shownDirectory, .. path.Split('/')])),
        ];
    }
}
