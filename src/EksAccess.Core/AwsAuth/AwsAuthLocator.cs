using System.Globalization;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.AwsAuth;

/// <summary>
/// Turns a position inside one aws-auth data value into a position in the snapshot file. Convention with the
/// snapshot loader: <see cref="ConfigMapObject.DataLines"/>[key] is the file line of the value's first content
/// line (for <c>mapRoles: |</c>, the line after the <c>|</c>), <see cref="ConfigMapObject.DataColumns"/>[key] the
/// column where its content starts (a block scalar's indentation + 1). Without them a position is reported
/// inside the value, as <c>file#data.mapRoles:line:column</c>.
/// </summary>
internal sealed class AwsAuthLocator
{
    private const string DefaultFile = "kube-system/aws-auth";

    private readonly ConfigMapObject _configMap;

    public AwsAuthLocator(ConfigMapObject configMap)
    {
        _configMap = configMap;
        var source = ParseSource(configMap.Source);
        File = source.File.Length == 0 ? DefaultFile : source.File;
        ObjectLine = source.Line;
    }

    public string File { get; }

    public int ObjectLine { get; }

    public SourceLocation Locate(string key, int line, int column)
    {
        if (_configMap.DataLines.TryGetValue(key, out var firstLine))
        {
            var firstColumn = _configMap.DataColumns.TryGetValue(key, out var c) ? c : 1;
            return new SourceLocation(File, firstLine + line - 1, firstColumn + column - 1);
        }

        return new SourceLocation($"{File}#data.{key}", line, column);
    }

    /// <summary>Where the data key itself is (for diagnostics about the key, not its content).</summary>
    public SourceLocation LocateKey(string key)
    {
        if (_configMap.DataLines.TryGetValue(key, out var firstLine))
        {
            return new SourceLocation(File, firstLine, _configMap.DataColumns.TryGetValue(key, out var c) ? c : 1);
        }

        return new SourceLocation(File, ObjectLine, ObjectLine > 0 ? 1 : 0);
    }

    /// <summary><c> (file:line)</c> for a known position, empty otherwise.</summary>
    public static string Suffix(SourceLocation location) =>
        location.Line > 0 ? $" ({location.File}:{location.Line.ToString(CultureInfo.InvariantCulture)})" : "";

    /// <summary>Splits a <c>file</c>, <c>file:line</c> or <c>file:line:column</c> source into a location (0 = unknown).</summary>
    public static SourceLocation ParseSource(string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            return new SourceLocation("", 0, 0);
        }

        var numbers = new List<int>(2);
        var file = source;
        while (numbers.Count < 2)
        {
            var colon = file.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(file.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                break;
            }

            numbers.Insert(0, number);
            file = file[..colon];
        }

        return numbers.Count switch
        {
            0 => new SourceLocation(file, 0, 0),
            1 => new SourceLocation(file, numbers[0], 1),
            _ => new SourceLocation(file, numbers[0], numbers[1]),
        };
    }
}
