namespace EksAccess.Core.Planning;

/// <summary>One reason a write must not happen: its kind, and the message that says what to do instead.</summary>
public sealed record Refusal(RefusalKind Kind, string Message)
{
    public override string ToString() => Message;
}
