using EksAccess.Cli.Planning;

namespace EksAccess.Cli.Commands;

/// <summary>eksaccess doctor: the cluster, how to reach AWS, and the output format.</summary>
internal sealed record DoctorRequest(string Cluster, AwsConnectionOptions Aws, string Output);
