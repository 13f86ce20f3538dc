using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using EksAccess.Aws.Http;
using EksAccess.Aws.Iam.Model;

namespace EksAccess.Aws.Iam;

/// <summary>
/// Reads IAM's XML answers: <c>&lt;{Action}Response&gt;&lt;{Action}Result&gt;…</c>. The root must name the action; policy
/// documents are URL-decoded.
/// </summary>
internal static class IamXml
{
    /// <summary>The <c>{Action}Result</c> element (an empty one when the action returns nothing).</summary>
    public static XElement Result(AwsWireResponse response, string action)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(response.Body);
        }
        catch (XmlException exception)
        {
            throw Invalid(response, action, $"the answer is not XML: {exception.Message}", exception);
        }

        var root = document.Root;
        if (root is null || !string.Equals(root.Name.LocalName, action + "Response", StringComparison.Ordinal))
        {
            throw Invalid(response, action, $"expected <{action}Response>, found <{root?.Name.LocalName}>", null);
        }

        return Child(root, action + "Result") ?? new XElement(action + "Result");
    }

    public static XElement? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, name, StringComparison.Ordinal));

    public static string? Text(XElement? parent, string name) => Child(parent, name)?.Value;

    public static string? PolicyDocument(XElement? parent, string name)
    {
        var raw = Text(parent, name);
        return raw is null ? null : Uri.UnescapeDataString(raw);
    }

    public static DateTime? Date(XElement? parent, string name)
    {
        var raw = Text(parent, name);
        return raw is null
            ? null
            : DateTime.Parse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    public static int? Int(XElement? parent, string name)
    {
        var raw = Text(parent, name);
        return raw is null ? null : int.Parse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    public static bool? Bool(XElement? parent, string name)
    {
        var raw = Text(parent, name);
        return raw is null ? null : string.Equals(raw.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The <c>member</c> items of a list element, or null when the list is absent.</summary>
    public static List<T>? List<T>(XElement? parent, string name, Func<XElement, T> read)
    {
        var list = Child(parent, name);
        return list?.Elements().Where(e => string.Equals(e.Name.LocalName, "member", StringComparison.Ordinal)).Select(read).ToList();
    }

    public static User User(XElement element) => new()
    {
        Path = Text(element, "Path"),
        UserName = Text(element, "UserName"),
        UserId = Text(element, "UserId"),
        Arn = Text(element, "Arn"),
        CreateDate = Date(element, "CreateDate"),
        PasswordLastUsed = Date(element, "PasswordLastUsed"),
        PermissionsBoundary = Boundary(Child(element, "PermissionsBoundary")),
        Tags = List(element, "Tags", Tag),
    };

    public static Role Role(XElement element) => new()
    {
        Path = Text(element, "Path"),
        RoleName = Text(element, "RoleName"),
        RoleId = Text(element, "RoleId"),
        Arn = Text(element, "Arn"),
        CreateDate = Date(element, "CreateDate"),
        AssumeRolePolicyDocument = PolicyDocument(element, "AssumeRolePolicyDocument"),
        Description = Text(element, "Description"),
        MaxSessionDuration = Int(element, "MaxSessionDuration"),
        PermissionsBoundary = Boundary(Child(element, "PermissionsBoundary")),
        Tags = List(element, "Tags", Tag),
        RoleLastUsed = Child(element, "RoleLastUsed") is { } used
            ? new RoleLastUsed { LastUsedDate = Date(used, "LastUsedDate"), Region = Text(used, "Region") }
            : null,
    };

    public static Group Group(XElement element) => new()
    {
        Path = Text(element, "Path"),
        GroupName = Text(element, "GroupName"),
        GroupId = Text(element, "GroupId"),
        Arn = Text(element, "Arn"),
        CreateDate = Date(element, "CreateDate"),
    };

    public static Tag Tag(XElement element) => new() { Key = Text(element, "Key"), Value = Text(element, "Value") };

    public static AccessKeyMetadata AccessKeyMetadata(XElement element) => new()
    {
        UserName = Text(element, "UserName"),
        AccessKeyId = Text(element, "AccessKeyId"),
        Status = Text(element, "Status"),
        CreateDate = Date(element, "CreateDate"),
    };

    public static AccessKey AccessKey(XElement element) => new()
    {
        UserName = Text(element, "UserName"),
        AccessKeyId = Text(element, "AccessKeyId"),
        Status = Text(element, "Status"),
        SecretAccessKey = Text(element, "SecretAccessKey"),
        CreateDate = Date(element, "CreateDate"),
    };

    public static string Member(XElement element) => element.Value;

    private static AttachedPermissionsBoundary? Boundary(XElement? element) =>
        element is null
            ? null
            : new AttachedPermissionsBoundary
            {
                PermissionsBoundaryType = Text(element, "PermissionsBoundaryType"),
                PermissionsBoundaryArn = Text(element, "PermissionsBoundaryArn"),
            };

    private static AwsServiceException Invalid(AwsWireResponse response, string action, string message, Exception? inner) =>
        new(action, "InvalidResponse", response.StatusCode, message, response.RequestId, inner);
}
