namespace EksAccess.Kubernetes;

/// <summary>One item of a Status body's details.causes (type FieldManagerConflict, FieldValueInvalid, …; message; field path).</summary>
public sealed record KubernetesStatusCause(string Type, string Message, string Field);
