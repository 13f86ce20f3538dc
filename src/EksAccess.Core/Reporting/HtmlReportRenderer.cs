using System.Net;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EksAccess.Core.Authorization;
using EksAccess.Core.Risks;

namespace EksAccess.Core.Reporting;

/// <summary>
/// Renders an <see cref="AccessReport"/> as one self-contained HTML document: inline CSS and script (no network, works
/// from file://), the data as one JSON block the script pages through (50 principals × 20 namespaces of the heat map,
/// 100 findings at a time) — nothing is dropped, what does not fit is on the next page.
/// </summary>
public static class HtmlReportRenderer
{
    private static readonly Lazy<string> Css = new(() => Resource("report.css"));
    private static readonly Lazy<string> Script = new(() => Resource("report.js"));

    // The default encoder escapes <, > and & as \u003C…, so no value (a binding named "</script>") can end the data block.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Default };

    public static void Render(AccessReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var title = WebUtility.HtmlEncode(report.Title);
        writer.Write("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        writer.Write($"<title>{title}</title><style>{Css.Value}</style></head><body>\n");
        writer.Write($"<header><h1>{title}</h1><nav aria-label=\"sections\"><a href=\"#heatmap\">Heat map</a>");
        writer.Write(report.Risks is null ? "" : "<a href=\"#risks\">Risks</a>");
        writer.Write("</nav><div role=\"search\"><label for=\"search\">Search principals </label><input id=\"search\" type=\"search\" placeholder=\"ARN or username\" autocomplete=\"off\"><ul id=\"search-results\" aria-live=\"polite\"></ul></div></header>\n<main>\n");
        writer.Write($"<section id=\"heatmap\" aria-labelledby=\"heatmap-title\"><h2 id=\"heatmap-title\">Heat map: principals × namespaces, {report.Actions.Length} common actions</h2>");
        writer.Write("<p class=\"muted\">Each cell counts the common actions allowed (the evaluator's decision: system:masters, access policies, RBAC). Select a cell for the decisions and their explanations.</p>");
        writer.Write("<div id=\"heat-pp\" class=\"pager\"></div><div id=\"heat-np\" class=\"pager\"></div><table id=\"heat\" class=\"heat\"><caption>Allowed common actions per principal and namespace</caption></table>");
        writer.Write("<div id=\"explain\" role=\"region\" aria-live=\"polite\" aria-label=\"explanation of the selected cell\"><p class=\"muted\">Select a cell.</p></div></section>\n");
        writer.Write("<section id=\"principal\" aria-labelledby=\"principal-title\" hidden></section>\n");
        if (report.Risks is not null)
        {
            writer.Write("<section id=\"risks\" aria-labelledby=\"risks-title\"><h2 id=\"risks-title\">Risks</h2><div class=\"filters\">");
            writer.Write("<label for=\"f-sev\">Severity at least</label><select id=\"f-sev\"><option value=\"low\">low</option><option value=\"medium\">medium</option><option value=\"high\">high</option><option value=\"critical\">critical</option></select>");
            writer.Write("<label for=\"f-id\">Rule</label><select id=\"f-id\"><option value=\"\">all rules</option></select>");
            writer.Write("<label for=\"f-text\">Filter</label><input id=\"f-text\" type=\"search\" placeholder=\"subject, namespace, ARN\">");
            writer.Write("<label><input id=\"f-sys\" type=\"checkbox\"> include the cluster's own principals</label></div>");
            writer.Write("<div id=\"risk-pager\" class=\"pager\"></div><table id=\"risk-table\"><caption>Findings, most severe first</caption><thead><tr><th scope=\"col\">severity</th><th scope=\"col\">rule</th><th scope=\"col\">namespace</th><th scope=\"col\">subject</th><th scope=\"col\">IAM principals</th><th scope=\"col\">finding</th></tr></thead><tbody></tbody></table>");
            foreach (var note in report.Risks.NotEvaluated)
            {
                writer.Write($"<p class=\"muted\">Not evaluated: {WebUtility.HtmlEncode(note)}</p>");
            }

            writer.Write("</section>\n");
        }

        writer.Write("</main>\n<script id=\"report-data\" type=\"application/json\">");
        writer.Write(Data(report).ToJsonString(JsonOptions));
        writer.Write($"</script>\n<script>{Script.Value}</script>\n</body></html>\n");
    }

    private static JsonObject Data(AccessReport report) => new()
    {
        ["actions"] = new JsonArray([.. report.Actions.Select(a => (JsonNode)a.Label)]),
        ["namespaces"] = new JsonArray([.. report.Namespaces.Select(n => (JsonNode)n)]),
        ["reasons"] = new JsonArray([.. report.Reasons.Select(r => (JsonNode)r)]),
        ["denied"] = Decision.DeniedExplanation,
        ["hasAudit"] = report.HasAudit,
        ["principals"] = new JsonArray([.. report.Principals.Select(p => (JsonNode)new JsonObject
        {
            ["arn"] = p.Arn,
            ["user"] = p.Username,
            ["chain"] = new JsonArray([.. p.Chain.Select(c => (JsonNode)c)]),
            ["cells"] = new JsonArray([.. p.Cells.Select(c => (JsonNode)c)]),
            ["audit"] = p.AuditRequests,
        })]),
        ["risks"] = report.Risks is { } risks ? new JsonObject
        {
            ["findings"] = new JsonArray([.. risks.Findings.Select(f => (JsonNode)new JsonObject
            {
                ["id"] = f.Id,
                ["sev"] = f.Severity.Name(),
                ["msg"] = f.Message,
                ["fix"] = f.Fix,
                ["subject"] = f.Subject?.ToString(),
                ["ns"] = f.Namespace,
                ["sys"] = f.IsSystem,
                ["p"] = new JsonArray([.. f.IamPrincipals.Select(a => (JsonNode)a)]),
                ["chain"] = new JsonArray([.. f.Chain.Select(c => (JsonNode)c)]),
            })]),
        } : null,
    };

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"EksAccess.Core.Resources.{name}")
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
