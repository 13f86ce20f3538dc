using System.Text;
using EksAccess.Aws.Files;

namespace EksAccess.Aws.Tests.Files;

public sealed class PrivateFileTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Write_ExistingFile_ReplacedWithOwnerOnlyModeAndNoTempLeft()
    {
        var directory = Directory.CreateTempSubdirectory("eksaccess-private-").FullName;
        var path = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(path, "old");

        PrivateFile.Write(path, Encoding.UTF8.GetBytes("new"));

        File.ReadAllText(path).ShouldBe("new");
        Directory.GetFiles(directory).ShouldBe([path]);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task CreateNew_MissingDirectory_CreatesItAndTheFileOwnerOnly()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("eksaccess-private-").FullName, "keys", "u.access-key.json");

        await PrivateFile.CreateNewAsync(path, Encoding.UTF8.GetBytes("{}"), Token);

        (await File.ReadAllTextAsync(path, Token)).ShouldBe("{}");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task CreateNew_FileExists_ThrowsAndKeepsTheEarlierCopy()
    {
        var directory = Directory.CreateTempSubdirectory("eksaccess-private-").FullName;
        var path = Path.Combine(directory, "secret");
        await File.WriteAllTextAsync(path, "first", Token);

        await Should.ThrowAsync<IOException>(() => PrivateFile.CreateNewAsync(path, Encoding.UTF8.GetBytes("second"), Token));

        (await File.ReadAllTextAsync(path, Token)).ShouldBe("first");
        Directory.GetFiles(directory).ShouldBe([path]);
    }
}
