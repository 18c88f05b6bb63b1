using System.Net;
using System.Net.Sockets;
using Catwalk.Fal.Internal;
using Polly;
using Polly.Timeout;

namespace Catwalk.Fal.Tests.Internal;

public class FalRetryRulesTests
{
    private static bool Retry(HttpMethod method, HttpStatusCode status, string? timeoutType = null)
    {
        var response = new HttpResponseMessage(status);
        if (timeoutType is not null) response.Headers.Add("X-Fal-Request-Timeout-Type", timeoutType);
        return FalRetryRules.ShouldRetry(new HttpRequestMessage(method, "http://q/x"), Outcome.FromResult(response));
    }

    private static bool Retry(HttpMethod method, Exception error) =>
        FalRetryRules.ShouldRetry(new HttpRequestMessage(method, "http://q/x"), Outcome.FromException<HttpResponseMessage>(error));

    [Theory]
    [InlineData(429, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(500, false)] // a 500 on submit may have enqueued the job: never paid twice
    [InlineData(422, false)]
    [InlineData(401, false)]
    public void A_submit_is_retried_only_when_fal_proves_nothing_was_enqueued(int status, bool expected) =>
        Retry(HttpMethod.Post, (HttpStatusCode)status).ShouldBe(expected);

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(404, false)]
    [InlineData(422, false)]
    public void Status_polls_are_retried_on_server_errors(int status, bool expected) =>
        FalRetryRules.ShouldRetry(new HttpRequestMessage(HttpMethod.Get, "http://q/o/a/requests/1/status"), Outcome.FromResult(new HttpResponseMessage((HttpStatusCode)status))).ShouldBe(expected);

    [Theory]
    [InlineData(500, false)] // the result endpoint replays the model's own failure: asking again changes nothing
    [InlineData(502, true)]
    public void Results_are_retried_only_on_edge_errors(int status, bool expected) => Retry(HttpMethod.Get, (HttpStatusCode)status).ShouldBe(expected);

    [Fact]
    public void A_users_own_start_timeout_is_never_retried() => Retry(HttpMethod.Get, HttpStatusCode.GatewayTimeout, "user").ShouldBeFalse();

    [Fact]
    public void A_submit_whose_answer_was_lost_is_not_resent_but_a_refused_connection_is()
    {
        Retry(HttpMethod.Post, new TimeoutRejectedException()).ShouldBeFalse();
        Retry(HttpMethod.Post, new HttpRequestException("reset", new IOException("connection reset"))).ShouldBeFalse();
        Retry(HttpMethod.Post, new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused))).ShouldBeTrue();
        Retry(HttpMethod.Get, new HttpRequestException("reset", new IOException("connection reset"))).ShouldBeTrue();
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(429, true)]
    [InlineData(404, false)]
    public void Cancel_downloads_and_uploads_are_safe_to_repeat(int status, bool expected)
    {
        FalRetryRules.ShouldRetry(new HttpRequestMessage(HttpMethod.Put, "http://q/o/a/requests/1/cancel"), Outcome.FromResult(new HttpResponseMessage((HttpStatusCode)status))).ShouldBe(expected);
        FalRetryRules.ShouldRetrySafeCall(Outcome.FromResult(new HttpResponseMessage((HttpStatusCode)status))).ShouldBe(expected);
    }

    [Fact]
    public void The_callers_own_cancellation_is_never_retried()
    {
        Retry(HttpMethod.Get, new OperationCanceledException()).ShouldBeFalse();
        Retry(HttpMethod.Post, new OperationCanceledException()).ShouldBeFalse();
    }
}
