using EksAccess.Core.Verification;

namespace EksAccess.Cli.Verification;

/// <summary>
/// One test check against the live cluster: the offline answer on the live snapshot (<see cref="Offline"/>, the whole
/// EKS chain), what a SubjectAccessReview for the same user and groups should answer (<see cref="PredictedReview"/>:
/// system:masters and RBAC, no access policies — a SAR carries no IAM principal), what the cluster answered
/// (<see cref="LiveReview"/>; null when EKS would reject the principal, so there is nobody to ask about), and whether
/// an EKS access policy allowed it (a SAR cannot see those).
/// </summary>
internal sealed record LiveCheckResult(TestCheckResult Offline, bool PredictedReview, bool? LiveReview, string LiveReason, bool AllowedByAccessPolicy)
{
    /// <summary>The live answer: the cluster's RBAC (the SAR), or an access policy, which only EKS evaluates.</summary>
    public bool LiveAllowed => (LiveReview ?? false) || AllowedByAccessPolicy;

    /// <summary>The cluster answered differently from the model's prediction: the snapshot or the model is wrong.</summary>
    public bool Drift => LiveReview is { } live && live != PredictedReview;

    public bool Passed => LiveAllowed == Offline.ExpectedAllowed && !Drift;
}
