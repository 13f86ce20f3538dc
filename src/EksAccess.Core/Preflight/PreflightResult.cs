using System.Collections.Immutable;

namespace EksAccess.Core.Preflight;

/// <summary>What preflight found: problems that stop the plan (all of them, at once) and warnings that do not.</summary>
public sealed record PreflightResult(ImmutableArray<string> Problems, ImmutableArray<string> Warnings)
{
    public bool IsOk => Problems.IsEmpty;
}
