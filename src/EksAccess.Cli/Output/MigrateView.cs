using System.Text.Json.Nodes;
using EksAccess.Core.Identity;
using EksAccess.Core.Migration;

namespace EksAccess.Cli.Output;

/// <summary>
/// migrate's answer: the modes, one verdict per aws-auth mapping, the entries to create (items of access-entries.json:
/// describe-access-entry plus associatedAccessPolicies) and the proof, as a table or as JSON/YAML (issue 13's members).
/// </summary>
internal static class MigrateView
{
    public static void Write(TextWriter stdout, OutputFormat format, MigrationResult result)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(result);
        if (format.IsStructured())
        {
            StructuredOutput.Write(stdout, format, Json(result));
            return;
        }

        WriteTable(stdout, result);
    }

    public static JsonObject Json(MigrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var proof = result.Proof;
        return new JsonObject
        {
            ["mode"] = new JsonObject { ["from"] = result.From.ToWire(), ["to"] = result.To.ToWire() },
            ["verdicts"] = new JsonArray([.. result.Verdicts.Select(Verdict)]),
            ["entries"] = new JsonArray([.. result.Entries.Select(e => (JsonNode)Entry(result.ClusterName, e))]),
            ["proof"] = new JsonObject
            {
                ["principals"] = proof.Principals,
                ["checks"] = proof.Checks,
                ["equivalent"] = proof.Equivalent,
                ["differences"] = new JsonArray([.. proof.Differences.Select(Difference)]),
                ["reviewItems"] = new JsonArray([.. proof.ReviewItems.Select(r => (JsonNode)new JsonObject
                {
                    ["principalArn"] = r.PrincipalArn,
                    ["source"] = r.Source,
                    ["note"] = r.Note,
                })]),
            },
        };
    }

    /// <summary>One item of access-entries.json, as describe-access-entry prints it plus its policies.</summary>
    public static JsonObject Entry(string? clusterName, PlannedEntry planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var entry = planned.Entry;
        var item = new JsonObject();
        if (clusterName is not null)
        {
            item["clusterName"] = clusterName;
        }

        item["principalArn"] = entry.PrincipalArn;
        item["kubernetesGroups"] = Strings(entry.KubernetesGroups);
        item["username"] = entry.Username;
        item["type"] = entry.Type;
        item["associatedAccessPolicies"] = new JsonArray([.. entry.AssociatedAccessPolicies.Select(p => (JsonNode)new JsonObject
        {
            ["policyArn"] = p.PolicyArn,
            ["accessScope"] = new JsonObject { ["type"] = p.AccessScope.Type, ["namespaces"] = Strings(p.AccessScope.Namespaces) },
        })]);
        return item;
    }

    private static JsonNode Verdict(MigrationVerdict verdict)
    {
        var node = new JsonObject
        {
            ["source"] = verdict.Source,
            ["principalArn"] = verdict.PrincipalArn,
            ["status"] = verdict.Status.ToWire(),
            ["changes"] = Strings(verdict.Changes),
            ["reason"] = verdict.Reason,
        };
        if (!verdict.Admitted.IsEmpty)
        {
            node["admitted"] = Strings(verdict.Admitted);
        }

        return node;
    }

    private static JsonNode Difference(ProofDifference difference) => new JsonObject
    {
        ["principalArn"] = difference.PrincipalArn,
        ["stage"] = difference.Stage,
        ["what"] = Strings(difference.What),
        ["before"] = Identity(difference.Before),
        ["after"] = Identity(difference.After),
        ["requests"] = new JsonArray([.. difference.Requests.Select(r => (JsonNode)new JsonObject
        {
            ["request"] = r.Request,
            ["before"] = r.Before,
            ["after"] = r.After,
        })]),
        ["requestCount"] = difference.RequestCount,
        ["accepted"] = difference.Accepted,
    };

    private static JsonObject Identity(ProofIdentity identity) => new()
    {
        ["authenticated"] = identity.Authenticated,
        ["username"] = identity.Username,
        ["groups"] = Strings(identity.Groups),
        ["matchedBy"] = identity.MatchedBy,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static void WriteTable(TextWriter stdout, MigrationResult result)
    {
        stdout.WriteLine($"Mode: {result.From.ToWire()} → {result.To.ToWire()}");
        stdout.WriteLine();
        var verdicts = new TextTable("SOURCE", "PRINCIPAL", "STATUS", "REASON");
        foreach (var verdict in result.Verdicts)
        {
            var changes = verdict.Changes.IsEmpty ? "" : $" [{string.Join("; ", verdict.Changes)}]";
            verdicts.AddRow(verdict.Source, verdict.PrincipalArn, verdict.Status.ToWire(), verdict.Reason + changes);
        }

        verdicts.Write(stdout);
        stdout.WriteLine();
        stdout.WriteLine($"Entries to create: {result.Entries.Length}");
        foreach (var planned in result.Entries)
        {
            var entry = planned.Entry;
            var policies = entry.AssociatedAccessPolicies.IsEmpty ? "" : $" + {string.Join(", ", entry.AssociatedAccessPolicies.Select(p => p.PolicyArn[(p.PolicyArn.LastIndexOf('/') + 1)..]))}";
            stdout.WriteLine($"  {entry.PrincipalArn} {entry.Type} username={entry.Username} groups=[{string.Join(", ", entry.KubernetesGroups)}]{policies}");
        }

        var proof = result.Proof;
        stdout.WriteLine();
        stdout.WriteLine($"Proof: {proof.Principals} principal(s), {proof.Checks} check(s): {(proof.Equivalent ? "equivalent — nobody gains or loses access" : $"{proof.Differences.Length} difference(s)")}");
        foreach (var difference in proof.Differences)
        {
            var accepted = difference.Accepted ? " (accepted)" : "";
            stdout.WriteLine($"  {difference.PrincipalArn} after {difference.Stage}{accepted}: {string.Join("; ", difference.What)}");
            foreach (var request in difference.Requests.Take(5))
            {
                stdout.WriteLine($"    {request.Request}: {(request.Before ? "allowed" : "denied")} → {(request.After ? "allowed" : "denied")}");
            }

            if (difference.RequestCount > 5)
            {
                stdout.WriteLine($"    … {difference.RequestCount - 5} more request(s) (-o json lists {difference.Requests.Length})");
            }
        }

        foreach (var review in proof.ReviewItems)
        {
            stdout.WriteLine($"  review {review.PrincipalArn} ({review.Source}): {review.Note}");
        }
    }
}
