namespace EksAccess.Cli.Commands;

/// <summary>One doctor check: its name, "ok", "fail", "info" or "unknown", and what was found.</summary>
internal sealed record DoctorCheck(string Name, string Status, string Detail)
{
    public const string Ok = "ok";
    public const string Fail = "fail";
    public const string Info = "info";
    public const string Unknown = "unknown";
}
