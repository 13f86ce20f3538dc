namespace EksAccess.Testing.Aws;

/// <summary>Answer the next <see cref="Remaining"/> requests matching <see cref="Matches"/> with <see cref="Response"/>.</summary>
internal sealed class FaultRule(Func<RecordedRequest, bool> matches, int count, FakeResponse response)
{
    public Func<RecordedRequest, bool> Matches { get; } = matches;

    public int Remaining { get; set; } = count;

    public FakeResponse Response { get; } = response;
}
