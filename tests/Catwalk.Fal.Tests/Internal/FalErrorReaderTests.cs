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
}
