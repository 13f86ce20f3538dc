namespace EksAccess.Aws.Access;

/// <summary>What one executed action left to report: a note for its progress line ("" usually) and the access key it created, if any.</summary>
public sealed record AwsActionOutcome(string Note, CreatedAccessKey? AccessKey = null)
{
    public static AwsActionOutcome Done { get; } = new("");
}
