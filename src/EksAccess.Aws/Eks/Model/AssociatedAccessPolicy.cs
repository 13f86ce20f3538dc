namespace EksAccess.Aws.Eks.Model;

/// <summary>An access policy associated with an access entry.</summary>
internal sealed record AssociatedAccessPolicy
{
    public string? PolicyArn { get; init; }

    public AccessScope? AccessScope { get; init; }

    public DateTime? AssociatedAt { get; init; }

    public DateTime? ModifiedAt { get; init; }
}
