using EksAccess.Core.Snapshots;

namespace EksAccess.Kubernetes;

/// <summary>
/// A ConfigMap as the API server returned it: the Core view (<see cref="Object"/>), the resourceVersion an update must
/// carry, and the whole object as JSON (<see cref="Raw"/>: an update sends every field back as it came, and a backup
/// keeps it), also as YAML (<see cref="Yaml"/>, what <c>kubectl get -o yaml</c> prints).
/// </summary>
public sealed record LiveConfigMap(ConfigMapObject Object, string ResourceVersion, string Raw, string Yaml);
