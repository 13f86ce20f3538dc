namespace EksAccess.Core.Audit;

/// <summary>logrus's text format: <c>key=value</c> pairs, a value in double quotes when it has spaces (Go <c>%q</c> escapes).</summary>
internal static class Logfmt
{
    public static Dictionary<string, string> Parse(string line)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            var keyStart = i;
            while (i < line.Length && line[i] is not ('=' or ' '))
            {
                i++;
            }

            var key = line[keyStart..i];
            if (i >= line.Length || line[i] != '=')
            {
                if (key.Length > 0)
                {
                    fields[key] = "";
                }

                continue;
            }

            i++;
            string value;
            if (i < line.Length && line[i] == '"')
            {
                var builder = new System.Text.StringBuilder();
                i++;
                while (i < line.Length && line[i] != '"')
                {
                    if (line[i] == '\\' && i + 1 < line.Length)
                    {
                        i++;
                    }

                    builder.Append(line[i]);
                    i++;
                }

                i++;
                value = builder.ToString();
            }
            else
            {
                var valueStart = i;
                while (i < line.Length && line[i] != ' ')
                {
                    i++;
                }

                value = line[valueStart..i];
            }

            if (key.Length > 0)
            {
                fields[key] = value;
            }
        }

        return fields;
    }
}
