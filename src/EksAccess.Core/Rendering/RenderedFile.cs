namespace EksAccess.Core.Rendering;

/// <summary>One generated artifact: a '/'-separated path relative to the output directory, its full text, and whether it is a script to run.</summary>
public sealed record RenderedFile(string RelativePath, string Content, bool Executable = false);
