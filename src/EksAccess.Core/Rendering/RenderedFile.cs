namespace EksAccess.Core.Rendering;

/// <summary>One generated artifact: a '/'-separated path relative to the output directory, and its full text.</summary>
public sealed record RenderedFile(string RelativePath, string Content);
