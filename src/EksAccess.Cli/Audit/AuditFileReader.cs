using System.Buffers;
using System.IO.Compression;
using EksAccess.Core.Audit;

namespace EksAccess.Cli.Audit;

/// <summary>
/// Streams an audit file line by line into <see cref="AuditLineParser"/> (gzip detected by its magic bytes), so memory
/// stays flat whatever the file's size. A line that cannot be read becomes a <c>file:line: …</c> warning.
/// </summary>
internal static class AuditFileReader
{
    private const int BufferSize = 1 << 20;

    public static async Task ReadAsync(string path, IAuditSink sink, CancellationToken cancellationToken)
    {
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"--audit-file {path}: {ex.Message}", ex);
        }

        await using (stream)
        {
            var magic = new byte[2];
            var read = await stream.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken);
            stream.Position = 0;
            var source = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : stream;
            await using (source == stream ? null : source)
            {
                await ReadLinesAsync(path, source, sink, cancellationToken);
            }
        }
    }

    private static async Task ReadLinesAsync(string path, Stream source, IAuditSink sink, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var line = new AuditLine();
        var start = 0;
        var end = 0;
        var number = 0;
        try
        {
            while (true)
            {
                if (end == buffer.Length)
                {
                    if (start == 0)
                    {
                        // One line longer than the buffer: grow it.
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, end).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    else
                    {
                        buffer.AsSpan(start, end - start).CopyTo(buffer);
                        end -= start;
                        start = 0;
                    }
                }

                var count = await source.ReadAsync(buffer.AsMemory(end), cancellationToken);
                if (count == 0)
                {
                    break;
                }

                end += count;
                int newline;
                while ((newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n')) >= 0)
                {
                    number++;
                    Parse(path, buffer.AsMemory(start, newline), number, line, sink);
                    start += newline + 1;
                }

                cancellationToken.ThrowIfCancellationRequested();
            }

            if (end > start)
            {
                Parse(path, buffer.AsMemory(start, end - start), number + 1, line, sink);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new InputException($"{path}: not a valid gzip file ({ex.Message})", ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Parse(string path, ReadOnlyMemory<byte> bytes, int number, AuditLine line, IAuditSink sink)
    {
        AuditLineParser.Parse(bytes, line);
        foreach (var auditEvent in line.Events)
        {
            sink.Event(auditEvent);
        }

        foreach (var login in line.Logins)
        {
            sink.Login(login);
        }

        if (line.Error is { } error)
        {
            sink.Warning($"{path}:{number}: {error}");
        }
    }
}
