using System.Collections.Immutable;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Migration;

/// <summary>
/// An access entry migrate creates, in describe-access-entry shape (<see cref="Entry"/>), and the group changes EKS
/// documents for its type (<see cref="ReviewedGroups"/>: system:masters turned into AmazonEKSClusterAdminPolicy, the node
/// groups of EC2 and Fargate entries), which the proof reports as review items instead of differences when the permissions agree.
/// </summary>
public sealed record PlannedEntry(string Source, AccessEntry Entry)
{
    public ImmutableArray<string> ReviewedGroups { get; init; } = [];

    /// <summary>Why the reviewed groups change, one line for the review item.</summary>
    public string? ReviewNote { get; init; }
}
