using System.Collections.Immutable;
using EksAccess.Core.Planning;

namespace EksAccess.Core.Expiry;

/// <summary>
/// What a grant does: the AWS calls (<see cref="Steps"/>, in order), when the granted access ends
/// (<see cref="ExpiresAt"/>, which may be later than asked when an earlier grant reaches further), what it found
/// (<see cref="Notes"/>), the command that ends it early (<see cref="EndEarly"/>), or why it must not run (<see cref="Refusal"/>).
/// </summary>
public sealed record GrantPlan
{
    public required DateTimeOffset ExpiresAt { get; init; }

    public ImmutableArray<AwsPlanStep> Steps { get; init; } = [];

    public ImmutableArray<string> Notes { get; init; } = [];

    public ImmutableArray<string> EndEarly { get; init; } = [];

    public Refusal? Refusal { get; init; }
}
