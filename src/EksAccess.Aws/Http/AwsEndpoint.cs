namespace EksAccess.Aws.Http;

/// <summary>Where a service is called and how requests to it are signed.</summary>
internal sealed record AwsEndpoint(Uri Url, string SigningName, string SigningRegion);
