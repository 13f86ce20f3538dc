namespace EksAccess.Aws.CloudTrail.Model;

/// <summary>The values of the CloudTrail <c>LookupAttributeKey</c> enum.</summary>
public static class LookupAttributeKey
{
    public const string EventId = "EventId";

    public const string EventName = "EventName";

    public const string ReadOnly = "ReadOnly";

    public const string Username = "Username";

    public const string ResourceType = "ResourceType";

    public const string ResourceName = "ResourceName";

    public const string EventSource = "EventSource";

    public const string AccessKeyId = "AccessKeyId";
}
