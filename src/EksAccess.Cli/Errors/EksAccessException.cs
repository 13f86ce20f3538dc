#pragma warning disable MA0048 // A closed hierarchy: the sealed cases share the base's file.
namespace EksAccess.Cli;

/// <summary>
/// The one failure family the CLI maps to exit codes. Messages say what failed, where, and what to try;
/// they are printed as one line, without a stack trace unless --verbose.
/// </summary>
internal abstract class EksAccessException : Exception
{
    protected EksAccessException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public abstract int ExitCode { get; }
}

/// <summary>Bad input: a file that cannot be read or parsed, a bad flag value (exit 3).</summary>
internal sealed class InputException : EksAccessException
{
    public InputException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public override int ExitCode => ExitCodes.InvalidInput;
}

/// <summary>AWS or Kubernetes could not be reached or refused (exit 4).</summary>
internal sealed class RemoteException : EksAccessException
{
    public RemoteException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public override int ExitCode => ExitCodes.RemoteFailure;
}
