using EksAccess.Core.Rightsizing;
using EksAccess.Core.Text;

namespace EksAccess.Cli.Commands;

/// <summary><c>rightsize --write-config</c>: edits the access config to the suggestion (see docs/decisions/rightsize.md for what is supported).</summary>
internal static class RightsizeConfigWriter
{
    public static void Write(string path, RightsizeReport report, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        throw new InputException($"--write-config {Echo.Quote(path)}: editing the access config is not supported yet — apply the objects of `-o yaml`, or edit the roles, team grants and access policies by hand");
    }
}
