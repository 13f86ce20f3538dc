namespace EksAccess.Core.Verification;

/// <summary>The outcome of one doctor check; only <see cref="Fail"/> makes doctor exit 1.</summary>
public enum DoctorCheckStatus
{
    Ok,
    Fail,
    Info,
    Unknown,
}
