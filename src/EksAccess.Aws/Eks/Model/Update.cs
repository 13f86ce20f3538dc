namespace EksAccess.Aws.Eks.Model;

/// <summary>An asynchronous cluster update.</summary>
internal sealed record Update
{
    public string? Id { get; init; }

    public string? Status { get; init; }

    public string? Type { get; init; }

    public List<UpdateParam>? Params { get; init; }

    public DateTime? CreatedAt { get; init; }

    public List<ErrorDetail>? Errors { get; init; }
}
