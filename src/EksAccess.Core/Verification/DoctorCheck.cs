namespace EksAccess.Core.Verification;

/// <summary>One doctor check: its name, its status, and what was found (with what to do when it fails).</summary>
public sealed record DoctorCheck(string Name, DoctorCheckStatus Status, string Detail)
{
    /// <summary>The status as doctor prints it: ok, fail, info or unknown.</summary>
    public string StatusText => Status switch
    {
        DoctorCheckStatus.Ok => "ok",
        DoctorCheckStatus.Fail => "fail",
        DoctorCheckStatus.Info => "info",
        _ => "unknown",
    };
}
