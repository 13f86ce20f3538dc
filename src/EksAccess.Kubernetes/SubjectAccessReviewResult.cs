namespace EksAccess.Kubernetes;

/// <summary>The status of a SubjectAccessReview: allowed, explicitly denied, the authorizer's reason and any evaluation error.</summary>
public sealed record SubjectAccessReviewResult(bool Allowed, bool Denied, string Reason, string EvaluationError);
