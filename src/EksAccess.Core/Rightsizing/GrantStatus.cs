namespace EksAccess.Core.Rightsizing;

/// <summary>How much of a grant the window showed in use (JSON: used, unused, partlyUsed, notEnoughData).</summary>
public enum GrantStatus
{
    Used,
    PartlyUsed,
    Unused,

    /// <summary>Unused, but in a window too short or with too few requests to call it unused.</summary>
    NotEnoughData,
}
