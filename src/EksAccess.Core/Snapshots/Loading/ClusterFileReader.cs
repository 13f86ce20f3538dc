using EksAccess.Core.Identity;
using YamlDotNet.Core.Events;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Snapshots.Loading;

/// <summary>Reads <c>cluster.json</c>: what <c>aws eks describe-cluster</c> prints, <c>{"cluster": {...}}</c>.</summary>
internal sealed class ClusterFileReader : YamlNodeReader
{
    private const string FileHint = "save the output of 'aws eks describe-cluster --name NAME' as cluster.json";
    private const string ArnHint = "expected arn:PARTITION:eks:REGION:ACCOUNT:cluster/NAME, as describe-cluster prints it";

    private readonly SnapshotBuilder _builder;

    public ClusterFileReader(SnapshotFile file, SnapshotBuilder builder)
        : base(file, builder.Pool)
    {
        _builder = builder;
    }

    protected override void Report(Diagnostic diagnostic) => _builder.Error(diagnostic);

    protected override void ReadDocumentRoot()
    {
        var start = Current.Start;
        if (Current is Scalar scalar && IsNull(scalar))
        {
            MoveNext();
            return;
        }

        var found = false;
        if (Current is MappingStart)
        {
            MoveNext();
            while (InCollection())
            {
                if (ReadKey() is "cluster")
                {
                    // {"cluster": null} is as good as no cluster; a wrong type is reported by ReadCluster.
                    found |= Current is not Scalar value || !IsNull(value);
                    ReadCluster();
                }
                else
                {
                    Skip();
                }
            }
        }
        else
        {
            Skip();
        }

        if (!found)
        {
            Report(new Diagnostic(At(start), "cluster.json has no 'cluster' object", FileHint));
        }
    }

    private void ReadCluster()
    {
        var start = Current.Start;
        if (!EnterMapping("cluster"))
        {
            return;
        }

        string? name = null;
        string? arn = null;
        string? version = null;
        string? endpoint = null;
        string? status = null;
        var arnStart = start;
        var mode = AuthenticationMode.ApiAndConfigMap;
        var modeOk = true;
        bool? bootstrapAdmin = null;
        while (InCollection())
        {
            switch (ReadKey())
            {
                case null:
                    break;
                case "name":
                    name = ReadString("cluster.name");
                    break;
                case "arn":
                    arnStart = Current.Start;
                    arn = ReadString("cluster.arn");
                    break;
                case "version":
                    version = ReadString("cluster.version");
                    break;
                case "endpoint":
                    endpoint = ReadString("cluster.endpoint", share: false);
                    break;
                case "status":
                    status = ReadString("cluster.status");
                    break;
                case "accessConfig":
                    modeOk = ReadAccessConfig(ref mode, ref bootstrapAdmin);
                    break;
                default:
                    Skip();
                    break;
            }
        }

        if (name is null)
        {
            Report(new Diagnostic(At(start), "cluster.name is missing", FileHint));
            return;
        }

        var info = new ClusterInfo(name, arn, mode) { Version = version, Endpoint = endpoint, Status = status, BootstrapClusterCreatorAdminPermissions = bootstrapAdmin };
        if (arn is not null)
        {
            if (!EksClusterArn.TryParse(arn, out var clusterArn))
            {
                Report(new Diagnostic(At(arnStart), $"cluster.arn '{arn}' is not an EKS cluster ARN", ArnHint));
                return;
            }

            info = info with { Partition = clusterArn.Partition, Region = clusterArn.Region, AccountId = clusterArn.AccountId };
        }

        if (modeOk)
        {
            _builder.SetCluster(info, SourceOf(start), At(start));
        }
    }

    private bool ReadAccessConfig(ref AuthenticationMode mode, ref bool? bootstrapAdmin)
    {
        if (!EnterMapping("cluster.accessConfig"))
        {
            return true;
        }

        var ok = true;
        while (InCollection())
        {
            var key = ReadKey();
            if (key is "bootstrapClusterCreatorAdminPermissions")
            {
                // The risks rule E-CREATOR reads it; anything but true/false is left unknown.
                bootstrapAdmin = ReadString("cluster.accessConfig.bootstrapClusterCreatorAdminPermissions") switch
                {
                    "true" => true,
                    "false" => false,
                    _ => null,
                };
                continue;
            }

            if (key is not "authenticationMode")
            {
                Skip();
                continue;
            }

            var at = Current.Start;
            var value = ReadString("cluster.accessConfig.authenticationMode");
            if (value is null)
            {
                continue;
            }

            if (AuthenticationModes.TryParse(value, out var parsed))
            {
                mode = parsed.Value;
            }
            else
            {
                Report(new Diagnostic(At(at), $"unknown accessConfig.authenticationMode '{value}'", "use API, API_AND_CONFIG_MAP or CONFIG_MAP"));
                ok = false;
            }
        }

        return ok;
    }
}
