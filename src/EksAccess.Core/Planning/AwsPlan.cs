using System.Collections.Immutable;

namespace EksAccess.Core.Planning;

/// <summary>The AWS half of a plan and, for each change (same index), the call that makes it.</summary>
public sealed record AwsPlan(Plan Plan, ImmutableArray<AwsAction> Actions);
