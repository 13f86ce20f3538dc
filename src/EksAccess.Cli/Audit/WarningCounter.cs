namespace EksAccess.Cli.Audit;

/// <summary>Prints each skipped line as a warning (the first 20), then one final count.</summary>
internal sealed class WarningCounter(TextWriter stderr)
{
    private const int Printed = 20;

    public long Count { get; private set; }

    public void Add(string message)
    {
        Count++;
        if (Count <= Printed)
        {
            stderr.WriteLine($"warning: {message}");
        }
    }

    public void WriteSummary()
    {
        if (Count > 0)
        {
            stderr.WriteLine($"warning: skipped {Count:N0} unreadable audit line(s){(Count > Printed ? $" ({Printed} shown)" : "")}");
        }
    }
}
