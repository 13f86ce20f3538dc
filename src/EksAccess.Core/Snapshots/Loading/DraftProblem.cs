using YamlDotNet.Core;

namespace EksAccess.Core.Snapshots.Loading;

/// <summary>A missing or invalid field found while reading an object whose kind or name may not be known yet.</summary>
internal sealed record DraftProblem(Mark At, string Text, string Hint);
