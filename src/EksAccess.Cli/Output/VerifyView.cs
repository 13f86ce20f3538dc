using System.Collections.Immutable;
using System.Text.Json.Nodes;
using EksAccess.Cli.Verification;
using EksAccess.Core.Verification;

namespace EksAccess.Cli.Output;

/// <summary>verify's results: a table and its summary line (or the contract's JSON/YAML) on stdout, one line per failed check on stderr.</summary>
internal static class VerifyView
{
    public static void Write(TextWriter stdout, TextWriter stderr, OutputFormat output, string against, ImmutableArray<TestCheckResult> results)
    {
        var failed = results.Count(r => !r.Passed);
        if (output.IsStructured())
        {
            var data = new JsonObject
            {
                ["against"] = against,
                ["passed"] = results.Length - failed,
                ["failed"] = failed,
                ["results"] = new JsonArray([.. results.Select(r => (JsonNode)ResultJson(r))]),
            };
            StructuredOutput.Write(stdout, output, data);
        }
        else
        {
            var table = new TextTable("RESULT", "AS", "CHECK", "EXPECTED", "ACTUAL", "WHY");
            foreach (var r in results)
            {
                table.AddRow(r.Passed ? "pass" : "FAIL", r.As, r.Check.Text, Word(r.ExpectedAllowed), Word(r.ActualAllowed), r.Explanation);
            }

            table.Write(stdout);
            stdout.WriteLine($"{results.Length - failed} passed, {failed} failed against {against}");
        }

        foreach (var r in results.Where(r => !r.Passed))
        {
            stderr.WriteLine($"{r.Check.Location}: {r.As} should be {(r.ExpectedAllowed ? "allowed" : "denied")} to '{r.Check.Text}' but is {(r.ActualAllowed ? "allowed" : "denied")} — {r.Explanation}");
        }

    }

    public static void WriteLive(TextWriter stdout, TextWriter stderr, OutputFormat output, string against, ImmutableArray<LiveCheckResult> results)
    {
        var failed = results.Count(r => !r.Passed);
        var drift = results.Count(r => r.Drift);
        if (output.IsStructured())
        {
            StructuredOutput.Write(stdout, output, new JsonObject
            {
                ["against"] = against,
                ["passed"] = results.Length - failed,
                ["failed"] = failed,
                ["drift"] = drift,
                ["results"] = new JsonArray([.. results.Select(r =>
                {
                    var json = ResultJson(r.Offline);
                    json["offline"] = Word(r.Offline.ActualAllowed);
                    json["live"] = LiveWord(r);
                    json["subjectAccessReview"] = r.LiveReview is { } review ? Word(review) : null;
                    json["subjectAccessReviewPredicted"] = Word(r.PredictedReview);
                    json["liveReason"] = r.LiveReason;
                    json["drift"] = r.Drift;
                    json["passed"] = r.Passed;
                    return (JsonNode)json;
                })]),
            });
        }
        else
        {
            var table = new TextTable("RESULT", "AS", "CHECK", "EXPECTED", "OFFLINE", "LIVE", "WHY");
            foreach (var r in results)
            {
                var result = r.Drift ? "DRIFT" : r.Passed ? "pass" : "FAIL";
                table.AddRow(result, r.Offline.As, r.Offline.Check.Text, Word(r.Offline.ExpectedAllowed), Word(r.Offline.ActualAllowed), LiveWord(r), r.Offline.Explanation);
            }

            table.Write(stdout);
            stdout.WriteLine($"{results.Length - failed} passed, {failed} failed ({drift} disagreeing with the model) against {against}");
        }

        foreach (var r in results.Where(r => !r.Passed))
        {
            var check = r.Offline;
            var why = r.Drift
                ? $"the cluster answers {Word(r.LiveReview!.Value)} where the model predicts {Word(r.PredictedReview)} for user {check.Identity}{(r.LiveReason.Length == 0 ? "" : $" ({r.LiveReason})")} — the cluster has RBAC the snapshot does not show, or the model is wrong"
                : $"it is {(r.LiveAllowed ? "allowed" : "denied")} live — {check.Explanation}";
            stderr.WriteLine($"{check.Check.Location}: {check.As} should be {(check.ExpectedAllowed ? "allowed" : "denied")} to '{check.Check.Text}': {why}");
        }

    }

    private static JsonObject ResultJson(TestCheckResult r) => new()
    {
        ["as"] = r.As,
        ["username"] = r.Identity,
        ["check"] = r.Check.Text,
        ["location"] = r.Check.Location.ToString(),
        ["expected"] = Word(r.ExpectedAllowed),
        ["actual"] = Word(r.ActualAllowed),
        ["passed"] = r.Passed,
        ["explanation"] = r.Explanation,
    };

    private static string LiveWord(LiveCheckResult r) => r.LiveReview switch
    {
        null => "deny (not authenticated)",
        _ when r.AllowedByAccessPolicy && !r.LiveReview.Value => "allow (access policy; SAR: deny)",
        var review => Word(review.Value),
    };

    private static string Word(bool allowed) => allowed ? "allow" : "deny";
}
