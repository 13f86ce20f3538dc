using System.Net;
using System.Text.Json.Nodes;

namespace EksAccess.KubeStub;

/// <summary>An API error, answered as the API server does: a <c>Status</c> body with reason, message, details and code.</summary>
public sealed class KubeStatusException(HttpStatusCode code, string reason, string message, string? name = null, string? kind = null, JsonArray? causes = null)
    : Exception(message)
{
    public HttpStatusCode Code { get; } = code;

    public string Reason { get; } = reason;

    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        if (name is not null || kind is not null || causes is not null)
        {
            var details = new JsonObject();
            if (name is not null)
            {
                details["name"] = name;
            }

            if (kind is not null)
            {
                details["kind"] = kind;
            }

            if (causes is not null)
            {
                details["causes"] = causes;
            }

            status["details"] = details;
        }

        status["code"] = (int)Code;
        return status;
    }

    public static KubeStatusException NotFound(KubeResource resource, string name) =>
        new(HttpStatusCode.NotFound, "NotFound", $"{resource.Qualified} \"{name}\" not found", name, resource.Plural);

    public static KubeStatusException AlreadyExists(KubeResource resource, string name) =>
        new(HttpStatusCode.Conflict, "AlreadyExists", $"{resource.Qualified} \"{name}\" already exists", name, resource.Plural);

    public static KubeStatusException Conflict(KubeResource resource, string name) =>
        new(HttpStatusCode.Conflict, "Conflict",
            $"Operation cannot be fulfilled on {resource.Qualified} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            name, resource.Plural);

    public static KubeStatusException Invalid(KubeResource resource, string name, string field, string detail) =>
        new(HttpStatusCode.UnprocessableEntity, "Invalid", $"{resource.Kind} \"{name}\" is invalid: {field}: {detail}", name, resource.Kind,
            [new JsonObject { ["reason"] = "FieldValueInvalid", ["message"] = detail, ["field"] = field }]);

    public static KubeStatusException BadRequest(string message) => new(HttpStatusCode.BadRequest, "BadRequest", message);

    public static KubeStatusException Forbidden(string user, string verb, KubeResource resource, string? ns, string? name)
    {
        var what = name is null ? "" : $"{resource.Qualified} \"{name}\" is forbidden: ";
        var scope = ns is null ? "at the cluster scope" : $"in the namespace \"{ns}\"";
        return new(HttpStatusCode.Forbidden, "Forbidden",
            $"{what}User \"{user}\" cannot {verb} resource \"{resource.Plural}\" in API group \"{resource.Group}\" {scope}", name, resource.Plural);
    }
}
