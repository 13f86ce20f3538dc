namespace EksAccess.Core.Diagnostics;

/// <summary>A 1-based position in an input file.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation None => new("", 0, 0);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
