namespace EksAccess.Aws.Http;

/// <summary>Turns a non-2xx answer into the service's error code and message.</summary>
internal delegate AwsError AwsErrorParser(AwsWireResponse response);
