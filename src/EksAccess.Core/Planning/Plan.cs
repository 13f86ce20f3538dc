using System.Collections.Immutable;

namespace EksAccess.Core.Planning;

/// <summary>Ordered changes from the observed state to the access config, plus warnings (things it will not touch, and why).</summary>
public sealed record Plan(ImmutableArray<PlannedChange> Changes, ImmutableArray<string> Warnings)
{
    public static Plan Empty { get; } = new([], []);

    public bool HasChanges => !Changes.IsEmpty;

    /// <summary>Whether any change is refused (<see cref="PlannedChange.Refusal"/>): plan exits 3, apply does not run.</summary>
    public bool HasRefusals => Changes.Any(c => c.IsRefused);

    public Plan Concat(Plan other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new Plan(Changes.AddRange(other.Changes), Warnings.AddRange(other.Warnings));
    }
}
