namespace EksAccess.Core.Diagnostics;

/// <summary>One problem in an input file, printed as <c>file:line:column: message — hint</c>.</summary>
public sealed record Diagnostic(SourceLocation Location, string Message, string? Hint = null)
{
    public override string ToString() =>
        Hint is null ? $"{Location}: {Message}" : $"{Location}: {Message} — {Hint}";
}
