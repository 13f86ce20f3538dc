namespace EksAccess.Core.Evaluation;

/// <summary>Which attributes a query becomes; see <see cref="RequestBuilder"/>.</summary>
public enum RequestMode
{
    SubjectAccessReview,
    RealRequest,
}
