using System.Net;
using Catwalk.Fal.Internal;

namespace Catwalk.Fal.Tests.Internal;

public class FalErrorReaderTests
{
    private static Task<FalException> Read(HttpStatusCode status, string body, bool isResult = false) =>
        FalErrorReader.ReadAsync(new HttpResponseMessage(status) { Content = new StringContent(body) }, "fal-ai/veo3/image-to-video", "req-1", isResult, CancellationToken.None);

    [Fact]
    public async Task A_detail_string_is_accepted_as_one_validation_error() =>
        (await Read(HttpStatusCode.UnprocessableEntity, "{\"detail\":\"prompt is too long\"}")).ShouldBeOfType<FalValidationException>()
            .Errors.ShouldHaveSingleItem().Msg.ShouldBe("prompt is too long");

    [Fact]
    public async Task Infrastructure_errors_keep_their_type()
    {
        var error = await Read(HttpStatusCode.ServiceUnavailable, "{\"detail\":\"Runner scheduling failed\",\"error_type\":\"runner_scheduling_failure\"}");
        error.ShouldBeOfType<FalServerException>().ErrorType.ShouldBe("runner_scheduling_failure");
        error.Message.ShouldContain("Runner scheduling failed");
    }

    [Fact]
    public async Task A_model_error_from_the_result_endpoint_names_the_request() =>
        (await Read(HttpStatusCode.BadRequest, "{\"detail\":\"Request was cancelled\"}", isResult: true)).ShouldBeOfType<FalRequestFailedException>()
            .Message.ShouldBe("fal-ai/veo3/image-to-video request req-1 failed (400): Request was cancelled");

    [Fact]
    public async Task A_non_json_body_still_gives_a_readable_error() =>
        (await Read(HttpStatusCode.BadGateway, "<html>bad gateway</html>")).Message.ShouldContain("502");

    private static FalException ReadWith(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body) };
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return FalErrorReader.Read(response, body, "fal-ai/veo3/image-to-video", "req-1", isResult: false);
    }

    [Fact]
    public void A_validation_error_names_every_field_and_keeps_loc_msg_and_type()
    {
        var error = ReadWith(HttpStatusCode.UnprocessableEntity,
            """{"detail":[{"loc":["body","duration"],"msg":"Input should be '4s', '6s' or '8s'","type":"literal_error"},{"loc":["body","image_url"],"msg":"Field required","type":"missing"}]}""",
            ("X-Fal-Retryable", "false")).ShouldBeOfType<FalValidationException>();
        error.Message.ShouldBe("fal rejected the input of fal-ai/veo3/image-to-video: duration: Input should be '4s', '6s' or '8s'; image_url: Field required");
        error.Errors[1].ShouldBe(new FalValidationError(["body", "image_url"], "Field required", "missing"), new LocComparer());
        error.Retryable.ShouldBe(false);
        error.StatusCode.ShouldBe(422);
    }

    [Fact]
    public void Fal_headers_name_the_request_the_error_type_and_a_user_timeout()
    {
        var error = ReadWith(HttpStatusCode.GatewayTimeout, """{"detail":"Request timed out","error_type":"request_timeout"}""",
            ("x-fal-request-id", "from-header"), ("X-Fal-Error-Type", "startup_timeout"), ("X-Fal-Request-Timeout-Type", "user"));
        error.ShouldBeOfType<FalServerException>();
        (error.RequestId, error.ErrorType, error.TimeoutType).ShouldBe(("from-header", "startup_timeout", "user"));
        error.Message.ShouldContain("start timeout");
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public void Refused_keys_hint_at_FAL_KEY(HttpStatusCode status) =>
        ReadWith(status, """{"detail":"Unauthorized"}""").ShouldBeOfType<FalAuthenticationException>().Message.ShouldContain("Check FAL_KEY");

    [Fact]
    public void A_429_keeps_its_retry_after()
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("{}") };
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        FalErrorReader.Read(response, "{}", "e/p", null, false).ShouldBeOfType<FalRateLimitedException>().RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public void A_model_error_keeps_its_body()
    {
        var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("") };
        FalErrorReader.Read(response, """{"detail":"NSFW","error_type":"content_policy_violation"}""", "e/p", "r", isResult: true)
            .ShouldBeOfType<FalRequestFailedException>().ShouldSatisfyAllConditions(
                e => e.ErrorType.ShouldBe("content_policy_violation"),
                e => e.Body!.ShouldContain("NSFW"));
    }

    private sealed class LocComparer : IEqualityComparer<FalValidationError>
    {
        public bool Equals(FalValidationError? x, FalValidationError? y) =>
            x!.Loc.SequenceEqual(y!.Loc) && (x.Msg, x.Type, x.Field) == (y.Msg, y.Type, y.Field);
        public int GetHashCode(FalValidationError obj) => obj.Msg.GetHashCode();
    }
}
