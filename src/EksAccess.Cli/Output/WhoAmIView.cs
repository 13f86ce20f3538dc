using System.Text.Json.Nodes;
using EksAccess.Core.Authentication;
using EksAccess.Core.Identity;

namespace EksAccess.Cli.Output;

/// <summary>whoami's answer: the mapped identity as a table or the contract's JSON/YAML, or EKS's rejection as one line.</summary>
internal static class WhoAmIView
{
    public static void Write(TextWriter stdout, OutputFormat output, string principalArn, IdentityResolution.Mapped mapped)
    {
        var policies = mapped.Entry?.AssociatedAccessPolicies ?? [];
        if (output.IsStructured())
        {
            var data = new JsonObject
            {
                ["principalArn"] = principalArn,
                ["authenticated"] = true,
                ["username"] = mapped.Username,
                ["groups"] = new JsonArray([.. mapped.Groups.Select(g => (JsonNode)g)]),
                ["source"] = mapped.Source,
                ["matchedBy"] = mapped.MatchedBy,
                ["accessPolicies"] = new JsonArray([.. policies.Select(p => (JsonNode)new JsonObject
                {
                    ["policyArn"] = p.PolicyArn,
                    ["accessScope"] = new JsonObject
                    {
                        ["type"] = p.AccessScope.Type,
                        ["namespaces"] = new JsonArray([.. p.AccessScope.Namespaces.Select(n => (JsonNode)n)]),
                    },
                })]),
                ["notes"] = new JsonArray([.. mapped.Notes.Select(n => (JsonNode)n)]),
            };
            StructuredOutput.Write(stdout, output, data);
            return;
        }

        var table = new TextTable("ATTRIBUTE", "VALUE");
        table.AddRow("Username", mapped.Username);
        table.AddRow("Groups", "[" + string.Join(' ', mapped.Groups) + "]");
        table.AddRow("Source", mapped.Source);
        table.AddRow("Mapped by", mapped.MatchedBy);
        foreach (var policy in policies)
        {
            table.AddRow("Access policy", Describe(policy));
        }

        foreach (var note in mapped.Notes)
        {
            table.AddRow("Note", note);
        }

        table.Write(stdout);
    }

    public static void WriteRejected(TextWriter stdout, OutputFormat output, string principalArn, IdentityResolution.Rejected rejected)
    {
        if (output.IsStructured())
        {
            StructuredOutput.Write(stdout, output, new JsonObject
            {
                ["principalArn"] = principalArn,
                ["authenticated"] = false,
                ["reason"] = rejected.Reason,
                ["notes"] = new JsonArray([.. rejected.Notes.Select(n => (JsonNode)n)]),
            });
            return;
        }

        // One line, as the contract says: the notes (e.g. a rolearn written with a path) follow the reason.
        stdout.WriteLine($"EKS would reject {principalArn}: {string.Join(" — ", [rejected.Reason, .. rejected.Notes])}");
    }

    public static string Describe(AssociatedAccessPolicy policy)
    {
        var name = policy.PolicyArn[(policy.PolicyArn.LastIndexOf('/') + 1)..];
        return policy.AccessScope.IsCluster
            ? $"{name} (cluster)"
            : $"{name} (namespaces: {string.Join(", ", policy.AccessScope.Namespaces)})";
    }
}
