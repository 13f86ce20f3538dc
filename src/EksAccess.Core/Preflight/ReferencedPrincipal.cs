using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Preflight;

/// <summary>An IAM principal the config names but does not create (a node role, an admin or team member given by ARN), and where.</summary>
public sealed record ReferencedPrincipal(string Arn, string Use, SourceLocation Location);
