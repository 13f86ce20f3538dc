using System.Net;

namespace EksAccess.Aws.Tests;

public sealed class AwsServiceExceptionTests
{
    [Fact]
    public void Message_MultiLineAwsMessage_IsOneLineNamingOperationAndCode()
    {
        var exception = new AwsServiceException("CreateAccessEntry", "ResourceInUseException", HttpStatusCode.Conflict, "already\nexists", "req-1");

        exception.Message.ShouldBe("CreateAccessEntry failed: ResourceInUseException (HTTP 409): already exists [request id req-1]");
    }
}
