using System.Net;
using EksAccess.Aws.Http;

namespace EksAccess.Aws.Tests.Http;

public sealed class AwsErrorParsersTests
{
    [Fact]
    public void RestJson_ErrorTypeHeaderWithSuffix_IsTheCode()
    {
        var response = new AwsWireResponse(HttpStatusCode.NotFound, """{"message":"No cluster found for name: x."}""", "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.eks/", "r1");

        AwsErrorParsers.RestJson(response).ShouldBe(new AwsError("ResourceNotFoundException", "No cluster found for name: x.", null));
    }

    [Fact]
    public void RestJson_NoHeader_ReadsTypeFromBody()
    {
        var response = new AwsWireResponse(HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.eks#InvalidParameterException","Message":"bad"}""", null, null);

        AwsErrorParsers.RestJson(response).ShouldBe(new AwsError("InvalidParameterException", "bad", null));
    }

    [Fact]
    public void RestJson_HtmlBody_FallsBackToTheStatus()
    {
        var response = new AwsWireResponse(HttpStatusCode.NotFound, "<!doctype html>\n<title>404 Not Found</title>", null, null);

        var error = AwsErrorParsers.RestJson(response);

        error.Code.ShouldBe("NotFound");
        error.Message.ShouldBe("unexpected non-JSON answer (<!doctype html> <title>404 Not Found</title>)");
    }

    [Fact]
    public void Json_TypeWithNamespace_IsStripped()
    {
        var response = new AwsWireResponse(HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.cloudtrail.v20131101#InvalidTimeRangeException","Message":"range"}""", null, null);

        AwsErrorParsers.Json(response).ShouldBe(new AwsError("InvalidTimeRangeException", "range", null));
    }

    [Fact]
    public void Query_ErrorResponse_ReadsCodeMessageAndRequestId()
    {
        const string Xml = """
            <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The user with name x cannot be found.</Message></Error>
              <RequestId>abc-123</RequestId>
            </ErrorResponse>
            """;

        AwsErrorParsers.Query(new AwsWireResponse(HttpStatusCode.NotFound, Xml, null, null))
            .ShouldBe(new AwsError("NoSuchEntity", "The user with name x cannot be found.", "abc-123"));
    }

    [Fact]
    public void Query_NotXml_FallsBackToTheStatus()
    {
        AwsErrorParsers.Query(new AwsWireResponse(HttpStatusCode.BadGateway, "upstream down", null, null)).Code.ShouldBe("BadGateway");
    }

    [Theory]
    [InlineData("Throttling", 400, true)]
    [InlineData("ThrottlingException", 400, true)]
    [InlineData("TooManyRequestsException", 400, true)]
    [InlineData("RequestLimitExceeded", 400, true)]
    [InlineData("Anything", 429, true)]
    [InlineData("InternalFailure", 500, true)]
    [InlineData("BadGateway", 502, true)]
    [InlineData("ServiceUnavailable", 503, true)]
    [InlineData("GatewayTimeout", 504, true)]
    [InlineData("InvalidParameterException", 400, false)]
    [InlineData("AccessDenied", 403, false)]
    [InlineData("ResourceInUseException", 409, false)]
    [InlineData("NotImplemented", 501, false)]
    public void IsRetryable_CodeAndStatus_MatchesThePolicy(string code, int status, bool retryable)
    {
        var exception = new AwsServiceException("Op", code, (HttpStatusCode)status, "m", null);

        AwsRetryPolicy.IsRetryable(exception).ShouldBe(retryable);
    }
}
