using System.Globalization;
using System.Text;
using EksAccess.Aws.Files;

namespace EksAccess.Kubernetes;

/// <summary>
/// Saves the aws-auth ConfigMap as it was before a write: <c>DIR/aws-auth.&lt;UTC timestamp&gt;.yaml</c>, readable by
/// its owner only (0600: it names every mapped principal), so <c>kubectl replace -f</c> can put it back.
/// </summary>
public sealed class AwsAuthBackup(string directory, TimeProvider time)
{
    public string Directory { get; } = directory ?? throw new ArgumentNullException(nameof(directory));

    /// <summary>Writes <paramref name="yaml"/> and returns the file's path.</summary>
    public async Task<string> SaveAsync(string yaml, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        // Owner-only (0700) like the files in it; Windows has no Unix modes and keeps the profile's ACLs.
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture);
        var path = Path.Combine(Directory, $"aws-auth.{stamp}.yaml");
        for (var i = 2; File.Exists(path); i++)
        {
            path = Path.Combine(Directory, $"aws-auth.{stamp}-{i.ToString(CultureInfo.InvariantCulture)}.yaml");
        }

        await PrivateFile.CreateNewAsync(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(yaml), cancellationToken);
        return path;
    }
}
