using System.Collections.Immutable;
using EksAccess.Core.Authorization;

namespace EksAccess.Core.Evaluation;

/// <summary>A request plus the warnings kubectl would print while building it.</summary>
public sealed record BuiltRequest(AccessRequest Request, ImmutableArray<string> Warnings);
