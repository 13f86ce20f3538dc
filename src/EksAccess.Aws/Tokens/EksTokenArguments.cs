namespace EksAccess.Aws.Tokens;

/// <summary>
/// The flags of <c>eksaccess token</c>, parsed without System.CommandLine so that the exec-plugin path starts fast
/// (kubectl runs it on every call): <c>--cluster-name NAME [--region R] [--role-arn ARN] [--session-name S]
/// [--profile P] [--endpoint-url URL] [--no-cache] [--output json]</c>; <c>--flag=value</c> works too.
/// </summary>
public sealed record EksTokenArguments(EksTokenRequest Request, string? Profile, Uri? EndpointUrl)
{
    /// <summary>Parses <paramref name="args"/> (without the <c>token</c> word); false with a one-line error otherwise.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out EksTokenArguments? arguments, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        arguments = null;
        string? cluster = null, region = null, role = null, session = null, profile = null, endpoint = null;
        var noCache = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string name;
            string? inline = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                inline = arg[(equals + 1)..];
            }
            else
            {
                name = arg;
            }

            if (string.Equals(name, "--no-cache", StringComparison.Ordinal))
            {
                if (inline is not null)
                {
                    error = "--no-cache takes no value";
                    return false;
                }

                noCache = true;
                continue;
            }

            if (!IsValueOption(name))
            {
                error = $"unrecognized argument '{arg}' (token takes --cluster-name, --region, --role-arn, --session-name, --profile, --endpoint-url, --no-cache)";
                return false;
            }

            string value;
            if (inline is not null)
            {
                value = inline;
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                error = $"{name} needs a value";
                return false;
            }

            switch (name)
            {
                case "--cluster-name" or "--cluster":
                    cluster = value;
                    break;
                case "--region":
                    region = value;
                    break;
                case "--role-arn":
                    role = value;
                    break;
                case "--session-name":
                    session = value;
                    break;
                case "--profile":
                    profile = value;
                    break;
                case "--endpoint-url":
                    endpoint = value;
                    break;
                default: // --output: aws eks get-token's kubeconfig passes "--output json"; JSON is the only format.
                    if (!string.Equals(value, "json", StringComparison.Ordinal))
                    {
                        error = $"--output '{value}': token prints an ExecCredential as JSON only";
                        return false;
                    }

                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(cluster))
        {
            error = "token needs --cluster-name NAME";
            return false;
        }

        Uri? endpointUrl = null;
        if (endpoint is not null && !AwsEndpointUrl.TryParse(endpoint, out endpointUrl))
        {
            error = $"--endpoint-url '{endpoint}' is not an http(s) URL";
            return false;
        }

        arguments = new EksTokenArguments(
            new EksTokenRequest { ClusterName = cluster, Region = region, RoleArn = role, SessionName = session, NoCache = noCache },
            profile,
            endpointUrl);
        error = null;
        return true;
    }

    private static bool IsValueOption(string name) => name is "--cluster-name" or "--cluster" or "--region" or "--role-arn" or "--session-name" or "--profile" or "--endpoint-url" or "--output";
}
