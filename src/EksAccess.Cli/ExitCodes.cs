namespace EksAccess.Cli;

/// <summary>One exit-code contract for every command (README "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>Success, "yes", all checks passed, no changes.</summary>
    public const int Success = 0;

    /// <summary>A negative answer: can-i "no", a failed verification, a principal EKS would reject.</summary>
    public const int Negative = 1;

    /// <summary>plan only: there are changes.</summary>
    public const int Changes = 2;

    /// <summary>Invalid input or usage: bad file, unknown flag, failed validation.</summary>
    public const int InvalidInput = 3;

    /// <summary>A failure talking to AWS or Kubernetes.</summary>
    public const int RemoteFailure = 4;

    /// <summary>An unexpected failure inside eksaccess (a bug): sysexits.h EX_SOFTWARE, kept apart from bad input.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Interrupted = 130;
}
