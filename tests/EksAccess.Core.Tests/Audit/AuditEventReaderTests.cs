using System.Globalization;
using System.Text;
using EksAccess.Core.Audit;

namespace EksAccess.Core.Tests.Audit;

/// <summary>
/// The fast reader must give exactly what the JsonDocument path gives (events, logins, errors) on every line: the
/// fixtures, and generated events with members in any order, escaped and non-ASCII strings, missing members, wrong
/// kinds and extra nesting. Clean generated events must also take the fast path, or this would compare a path with itself.
/// </summary>
public sealed class AuditEventReaderTests
{
    private static readonly string[] Names = ["jane", "dev-john", "arn:aws:sts::111122223333:assumed-role/PlatformAdmin/jane@example.com", "système", "日本語", "emoji 😀", "quote\"back\\slash/"];

    [Theory]
    [InlineData("eks-audit.log")]
    [InlineData("filter-log-events.json")]
    [InlineData("filter-log-events-compact.json")]
    public void Parse_Fixture_SameAsJsonDocumentPath(string name)
    {
        var lines = TestFiles.Input("Audit", name).Split('\n');
        var fast = new AuditLine();
        var document = new AuditLine();
        var events = 0;
        foreach (var text in lines)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            AuditLineParser.Parse(bytes, fast);
            AuditLineParser.ParseWithDocument(bytes, document);
            Describe(fast).ShouldBe(Describe(document), text);
            events += fast.Events.Count;
        }

        events.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Parse_GeneratedEvents_SameAsJsonDocumentPathAndCleanOnesTakeTheFastPath()
    {
        var random = new Random(20261207);
        var fast = new AuditLine();
        var document = new AuditLine();
        var probe = new AuditLine();
        var fastTaken = 0;
        for (var i = 0; i < 4000; i++)
        {
            var (json, clean) = Generate(random);
            var bytes = Encoding.UTF8.GetBytes(json);
            AuditLineParser.Parse(bytes, fast);
            AuditLineParser.ParseWithDocument(bytes, document);
            Describe(fast).ShouldBe(Describe(document), json);
            if (clean)
            {
                probe.Clear();
                AuditEventReader.TryRead(bytes, topLevel: true, probe).ShouldBeTrue(json);
                Describe(probe).ShouldBe(Describe(document), json);
                fastTaken++;
            }
        }

        fastTaken.ShouldBeGreaterThan(400); // 438 with this seed
    }

    /// <summary>A random audit event; clean when it has what an event needs and nothing the fast path hands over (a repeated or escaped member name).</summary>
    private static (string Json, bool Clean) Generate(Random random)
    {
        var clean = true;
        var members = new List<string>();
        var top = new Dictionary<string, string>(StringComparer.Ordinal);

        void Add(string name, string value, double chance = 0.9)
        {
            if (random.NextDouble() < chance)
            {
                members.Add($"{Key(name)}:{value}");
                top[name] = value;
            }
        }

        bool Starts(string name, string prefix) => top.TryGetValue(name, out var value) && value.StartsWith(prefix, StringComparison.Ordinal);

        string Key(string name)
        {
            if (random.NextDouble() < 0.01)
            {
                clean = false;
                return "\"\\u" + ((int)name[0]).ToString("x4", CultureInfo.InvariantCulture) + name[1..] + "\"";
            }

            return Quote(name, random, escape: false);
        }

        string Object(params (string Name, string Value, double Chance)[] items)
        {
            var parts = items.Where(item => random.NextDouble() < item.Chance).Select(item => $"{Key(item.Name)}:{item.Value}").ToList();
            if (random.NextDouble() < 0.3)
            {
                parts.Add($"{Key("nested")}:{{\"a\":[1,{{\"b\":[[],{{}}]}},\"x\"],\"c\":null}}");
            }

            Shuffle(parts, random);
            return "{" + string.Join(",", parts) + "}";
        }

        string Str(string text) => Quote(text, random, escape: random.NextDouble() < 0.2);

        string Pick(params string[] values) => values[random.Next(values.Length)];

        string Any(string text) => random.Next(12) switch
        {
            0 => "null",
            1 => "42",
            2 => "{\"verb\":\"delete\",\"username\":\"evil\",\"code\":500}",
            3 => "[]",
            _ => Str(text),
        };

        string ExtraValue(string text) => random.Next(8) switch
        {
            0 => Str(text),
            1 => "[]",
            2 => "[7," + Str(text) + "]",
            3 => "[" + Str(text) + ",\"second\"]",
            _ => "[" + Str(text) + "]",
        };

        var name = Pick(Names);
        var arn = Pick("arn:aws:sts::111122223333:assumed-role/PlatformAdmin/jane@example.com", "arn:aws:iam::111122223333:user/dev-john", "arn:aws:sts::111122223333:assumed-role/team/EKSGetTokenAuth", "not-an-arn");
        var extra = Object(
            ("canonicalArn", ExtraValue(Pick("arn:aws:iam::111122223333:role/PlatformAdmin", "arn:aws:iam::111122223333:role/eks/pathed", "bad")), 0.7),
            ("arn", ExtraValue(arn), 0.7),
            ("sessionName", ExtraValue(Pick("jane@example.com", "", "EKSGetTokenAuth", "é")), 0.6),
            ("accessKeyId", ExtraValue(Pick("ASIAEXAMPLE", "")), 0.6),
            ("principalId", ExtraValue("AROA1"), 0.5));
        var user = Object(
            ("username", Any(name), 0.9),
            ("uid", Str("aws-iam-authenticator:1"), 0.5),
            ("groups", Pick("[]", "[\"system:authenticated\"]", "[\"dev-team\",1,null,\"system:authenticated\",{\"x\":1}]", "\"dev-team\"", "[" + Str("日本") + "]"), 0.8),
            ("extra", random.Next(10) == 0 ? "null" : extra, 0.8));
        var objectRef = Object(
            ("resource", Any(Pick("pods", "configmaps", "secrets")), 0.9),
            ("subresource", Any(Pick("exec", "log", "status")), 0.3),
            ("namespace", Any(Pick("dev-apps", "kube-system", "ñ")), 0.7),
            ("name", Any(Pick("aws-auth", "obj-1", "\"quoted\"")), 0.7),
            ("apiGroup", Any(Pick("", "apps", "rbac.authorization.k8s.io")), 0.6),
            ("apiVersion", "\"v1\"", 0.5));
        var time = Pick("2026-11-20T14:27:07.461683Z", "2026-11-20T14:27:07Z", "2026-11-20T14:27:07.461683+02:00", "yesterday", "2026-11-20");

        Add("kind", Pick("\"Event\"", "\"EventList\"", "3"), 0.8);
        Add("apiVersion", "\"audit.k8s.io/v1\"");
        Add("level", "\"RequestResponse\"");
        Add("auditID", Pick(Str(Guid.NewGuid().ToString()), Str("not-a-guid"), "7"), 0.97);
        Add("stage", Any(Pick("ResponseComplete", "RequestReceived", "Panic", "ResponseStarted")), 0.9);
        Add("requestURI", Any(Pick("/api/v1/namespaces/dev-apps/pods?limit=500", "/healthz", "/version?timeout=32s", "/ap\u00ef?x")), 0.9);
        Add("verb", Any(Pick("get", "list", "create", "patch")), 0.97);
        Add("user", random.Next(30) == 0 ? Str("x") : user, 0.97);
        Add("impersonatedUser", random.Next(4) == 0 ? "null" : Object(("username", Any("admin"), 0.8), ("groups", "[\"system:masters\"]", 0.5)), 0.2);
        Add("sourceIPs", Pick("[\"203.0.113.10\"]", "[\"203.0.113.10\",\"::1\"]", "[]", "\"203.0.113.10\"", "[1]"), 0.8);
        Add("userAgent", Any("kubectl/v1.31.2 (darwin/arm64) kubernetes/5864a46"), 0.8);
        Add("objectRef", random.Next(10) == 0 ? "null" : objectRef, 0.8);
        Add("responseStatus", Object(("metadata", "{}", 0.5), ("code", Pick("200", "403", "101", "2147483648", "200.5", "\"200\"", "null"), 0.9)), 0.8);
        Add("requestObject", "{\"metadata\":{\"annotations\":{\"note\":\"x\"}},\"spec\":[[[{\"deep\":[true,false,null]}]]]}", 0.4);
        Add("requestReceivedTimestamp", Any(time), 0.8);
        Add("stageTimestamp", Any(time), 0.6);
        Add("annotations", Object(
            ("authorization.k8s.io/decision", Any(Pick("allow", "forbid")), 0.9),
            ("authorization.k8s.io/reason", Any(Pick("", "RBAC: allowed by ClusterRoleBinding \"x\" of ClusterRole \"y\" to Group \"z\"", "EKS Access Policy: …")), 0.9),
            ("pod-security.kubernetes.io/enforce-policy", "\"privileged:latest\"", 0.3)), 0.8);

        if (random.NextDouble() < 0.02)
        {
            // A repeated member: which one JsonDocument returns is for the document path to say.
            members.Add(Key("verb") + ":" + Str("delete"));
            clean = false;
        }

        Shuffle(members, random);
        var json = "{" + string.Join(",", members) + "}";
        if (random.NextDouble() < 0.01)
        {
            json += random.Next(2) == 0 ? " x" : "}";
            clean = false;
        }

        var required = Starts("auditID", "\"") && Starts("verb", "\"") && Starts("user", "{")
            && (Starts("requestReceivedTimestamp", "\"2026-11-20T") || Starts("stageTimestamp", "\"2026-11-20T"));
        return (json, clean && required);
    }

    private static string Quote(string text, Random random, bool escape)
    {
        var builder = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (escape && random.Next(3) == 0)
            {
                // A surrogate pair is escaped whole: half of one escaped would not be valid text.
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                if (char.IsHighSurrogate(c))
                {
                    builder.Append("\\u").Append(((int)text[++i]).ToString("x4", CultureInfo.InvariantCulture));
                }
            }
            else if (char.IsHighSurrogate(c))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (escape && c == '/')
            {
                builder.Append("\\/");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    private static void Shuffle(List<string> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Every member of every event, login and the error, in one string (records compare arrays by reference).</summary>
    private static string Describe(AuditLine line)
    {
        var builder = new StringBuilder();
        foreach (var e in line.Events)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"{e.Time.UtcTicks}|{e.Time.Offset}|{e.AuditId}|{e.Stage}|{e.PrincipalArn ?? "∅"}|{e.SessionName ?? "∅"}|{e.AccessKeyId ?? "∅"}|{e.Username}")
                .AppendLine(CultureInfo.InvariantCulture, $"groups[{e.Groups.Length}]={string.Join("\u0001", e.Groups)}|imp={e.ImpersonatedUser ?? "∅"}|{e.Verb}")
                .AppendLine(CultureInfo.InvariantCulture, $"{e.ApiGroup ?? "∅"}|{e.Resource ?? "∅"}|{e.Subresource ?? "∅"}|{e.Namespace ?? "∅"}|{e.Name ?? "∅"}|{e.NonResourceUrl ?? "∅"}")
                .AppendLine(CultureInfo.InvariantCulture, $"{e.Code?.ToString(CultureInfo.InvariantCulture) ?? "∅"}|{e.Decision ?? "∅"}|{e.Reason ?? "∅"}|ips[{e.SourceIps.Length}]={string.Join("\u0001", e.SourceIps)}|{e.UserAgent ?? "∅"}");
        }

        foreach (var login in line.Logins)
        {
            builder.AppendLine(login.ToString());
        }

        return builder.Append("error=").Append(line.Error ?? "∅").ToString();
    }
}
