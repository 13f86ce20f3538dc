namespace EksAccess.Core.Config;

/// <summary>One key/value pair of a <see cref="ConfigMapping"/>, in file order.</summary>
internal sealed record ConfigMappingEntry(ConfigScalar Key, ConfigNode Value);
