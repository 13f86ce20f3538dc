using EksAccess.Core.Config;

namespace EksAccess.Core.Verification;

/// <summary>The outcome of one allow/deny check of a config's tests:.</summary>
public sealed record TestCheckResult(
    string As,
    string Identity,
    TestCheck Check,
    bool ExpectedAllowed,
    bool ActualAllowed,
    string Explanation)
{
    public bool Passed => ExpectedAllowed == ActualAllowed;
}
