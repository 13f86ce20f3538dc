namespace EksAccess.Aws.Http;

/// <summary>An AWS error code and message read from an error answer.</summary>
internal sealed record AwsError(string Code, string Message, string? RequestId);
