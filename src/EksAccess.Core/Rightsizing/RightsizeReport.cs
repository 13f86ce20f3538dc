using System.Collections.Immutable;
using EksAccess.Core.Audit;

namespace EksAccess.Core.Rightsizing;

/// <summary>Everything <c>rightsize</c> found for one subject: grants and their use, uncovered requests, the suggestion and its proof.</summary>
public sealed record RightsizeReport
{
    public required RightsizeSubject Subject { get; init; }

    public required AuditWindow Window { get; init; }

    public long Events { get; init; }

    /// <summary>False when the window is shorter than 7 days or the subject made fewer requests than the minimum.</summary>
    public bool EnoughData { get; init; }

    public ImmutableArray<GrantUsage> Grants { get; init; } = [];

    public ImmutableArray<ObservedRequest> Uncovered { get; init; } = [];

    public required RightsizeSuggestion Suggestion { get; init; }

    public required RightsizeProof Proof { get; init; }

    /// <summary>What cannot be rightsized (system:masters) or needs a person's judgement.</summary>
    public ImmutableArray<string> Risks { get; init; } = [];

    /// <summary>Something is unused, partly used, broader than its use, or a risk: exit 1.</summary>
    public bool CouldTighten =>
        !Risks.IsEmpty
        || (EnoughData && (Grants.Any(g => g.Status is GrantStatus.Unused or GrantStatus.PartlyUsed)
            || Suggestion.PolicyRecommendations.Any(p => !string.Equals(p.Action, PolicyRecommendation.Keep, StringComparison.Ordinal))));
}
