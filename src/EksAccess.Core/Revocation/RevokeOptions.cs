namespace EksAccess.Core.Revocation;

/// <summary>How far revoke goes: <see cref="Force"/> removes aws-auth mappings eksaccess did not write and the last admin path; <see cref="DeleteAccessKeys"/> deletes keys instead of deactivating them.</summary>
public sealed record RevokeOptions(bool Force, bool DeleteAccessKeys);
