namespace EksAccess.Cli.Kubeconfig;

/// <summary>What a kubeconfig needs from DescribeCluster: the ARN (it names the cluster entry), endpoint and CA data.</summary>
internal sealed record ClusterConnection(string Name, string Arn, string Region, string Endpoint, string CertificateAuthorityData);
