using System.Text.Json;

// The floor audit summary is compared with: read every line of the file and parse it with System.Text.Json, nothing else.
using var file = new FileStream(args[0], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
var buffer = new byte[1 << 20];
int start = 0, end = 0;
long lines = 0;
while (true)
{
    if (end == buffer.Length)
    {
        if (start == 0)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }
        else
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }
    }

    var read = file.Read(buffer, end, buffer.Length - end);
    if (read == 0)
    {
        break;
    }

    end += read;
    int newline;
    while ((newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n')) >= 0)
    {
        using (JsonDocument.Parse(buffer.AsMemory(start, newline)))
        {
            lines++;
        }

        start += newline + 1;
    }
}

Console.WriteLine(lines);
