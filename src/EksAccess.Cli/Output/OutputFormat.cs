namespace EksAccess.Cli.Output;

/// <summary>What <c>-o</c> asks for, as in kubectl: every data command takes table, json and yaml; a report adds html, a stream jsonl.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Yaml,

    /// <summary>A self-contained page (matrix, report).</summary>
    Html,

    /// <summary>One JSON object per line, streamed (audit activity only).</summary>
    Jsonl,

    /// <summary>SARIF 2.1.0 for code scanning (risks only).</summary>
    Sarif,
}
