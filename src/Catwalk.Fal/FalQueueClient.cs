using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Fal.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Catwalk.Fal;

/// <summary>
/// fal's queue over HTTP, as fal's docs and official client define it: submit to the full endpoint id; status,
/// status stream, result and cancel on <c>owner/app/requests/{id}</c> only.
/// </summary>
public sealed partial class FalQueueClient(IHttpClientFactory http, IOptions<FalOptions> options, TimeProvider time, ILogger<FalQueueClient> logger) : IFalQueueClient
{
    private FalOptions Options => options.Value;

    public async Task<FalSubmission> SubmitAsync(string endpointId, JsonObject input, CancellationToken cancellationToken = default)
    {
        var client = http.CreateClient(FalHttpClients.Queue);
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(endpointId.Trim('/'))) { Content = JsonContent.Create(input) };
        request.Headers.Add("x-fal-queue-priority", "normal");
        var submittedAt = time.GetUtcNow();
        HttpResponseMessage? response = null;
        JsonDocument json;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw await FalErrorReader.ReadAsync(response, endpointId, null, isResult: false, cancellationToken).ConfigureAwait(false);
            json = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or Polly.Timeout.TimeoutRejectedException
                                   && !FalRetryRules.NothingWasSent(e) && !cancellationToken.IsCancellationRequested)
        {
            // The request went out and no answer came back: the job may exist at fal. Never resend it blindly.
            throw new FalSubmitUncertainException(endpointId, e);
        }
        finally
        {
            response?.Dispose();
        }
        using var _ = json;
        var id = json.RootElement.TryGetProperty("request_id", out var rid) ? rid.GetString() : null;
        if (string.IsNullOrEmpty(id)) throw new FalException($"fal accepted a job for {endpointId} but sent no request_id.", (int)response.StatusCode, endpointId: endpointId);
        int? position = json.RootElement.TryGetProperty("queue_position", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;
        LogSubmitted(logger, endpointId, id);
        return new FalSubmission(new FalRequestHandle(endpointId, id), position, submittedAt);
    }

    public async Task<FalQueueStatus> GetStatusAsync(FalRequestHandle request, bool includeLogs = false, CancellationToken cancellationToken = default)
    {
        var client = http.CreateClient(FalHttpClients.Queue);
        using var response = await client.GetAsync(Url($"{request.OwnerApp}/requests/{request.RequestId}/status?logs={(includeLogs ? 1 : 0)}"), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw await FalErrorReader.ReadAsync(response, request.EndpointId, request.RequestId, isResult: false, cancellationToken).ConfigureAwait(false);
        using var json = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        return FalStatusReader.Read(json.RootElement);
    }

    public async IAsyncEnumerable<FalQueueStatus> StreamStatusAsync(FalRequestHandle request, bool includeLogs = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = http.CreateClient(FalHttpClients.Stream);
        using var message = new HttpRequestMessage(HttpMethod.Get, Url($"{request.OwnerApp}/requests/{request.RequestId}/status/stream?logs={(includeLogs ? 1 : 0)}"));
        message.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw await FalErrorReader.ReadAsync(response, request.EndpointId, request.RequestId, isResult: false, cancellationToken).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var data in SseReader.ReadEventsAsync(stream, Options.StreamIdleTimeout, cancellationToken).ConfigureAwait(false))
        {
            using var json = JsonDocument.Parse(data);
            var status = FalStatusReader.Read(json.RootElement);
            yield return status;
            if (status.State == FalQueueState.Completed) yield break;
        }
    }

    public async Task<FalResult> GetResultAsync(FalRequestHandle request, CancellationToken cancellationToken = default) =>
        await TryGetResultAsync(request, TimeSpan.Zero, TimeSpan.Zero, cancellationToken).ConfigureAwait(false)
        ?? throw new FalException($"{request.EndpointId} request {request.RequestId} is not finished yet.", 202, request.RequestId, request.EndpointId);

    /// <summary>The result, or null while fal still answers 202 (not finished).</summary>
    internal async Task<FalResult?> TryGetResultAsync(FalRequestHandle request, TimeSpan queueWait, TimeSpan total, CancellationToken cancellationToken, double? inferenceSeconds = null)
    {
        var client = http.CreateClient(FalHttpClients.Queue);
        using var response = await client.GetAsync(Url($"{request.OwnerApp}/requests/{request.RequestId}"), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Accepted) return null;
        if (!response.IsSuccessStatusCode)
            throw await FalErrorReader.ReadAsync(response, request.EndpointId, request.RequestId, isResult: true, cancellationToken).ConfigureAwait(false);
        using var json = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        var inference = inferenceSeconds is { } s ? TimeSpan.FromSeconds(s) : total - queueWait;
        if (inference > total) inference = total;
        return new FalResult(request, json.RootElement.Clone(), new FalTimings(total - inference, inference, total));
    }

    public async Task<FalCancelOutcome> CancelAsync(FalRequestHandle request, CancellationToken cancellationToken = default)
    {
        var client = http.CreateClient(FalHttpClients.Queue);
        using var response = await client.PutAsync(Url($"{request.OwnerApp}/requests/{request.RequestId}/cancel"), null, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return FalCancelOutcome.CancellationRequested;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return FalCancelOutcome.NotFound;
        if (response.StatusCode == HttpStatusCode.BadRequest && body.Contains("ALREADY_COMPLETED", StringComparison.Ordinal)) return FalCancelOutcome.AlreadyCompleted;
        throw await FalErrorReader.ReadAsync(response, request.EndpointId, request.RequestId, isResult: false, cancellationToken).ConfigureAwait(false);
    }

    public Task<FalResult> WaitForResultAsync(FalSubmission submission, FalWaitOptions? options = null, CancellationToken cancellationToken = default) =>
        new FalJobWaiter(this, Options, time, logger).WaitAsync(submission, options ?? new FalWaitOptions(), cancellationToken);

    public async Task<FalResult> SubscribeAsync(string endpointId, JsonObject input, FalWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FalWaitOptions();
        var submission = await SubmitAsync(endpointId, input, cancellationToken).ConfigureAwait(false);
        if (options.OnSubmitted is { } onSubmitted) await onSubmitted(submission, cancellationToken).ConfigureAwait(false);
        return await WaitForResultAsync(submission, options, cancellationToken).ConfigureAwait(false);
    }

    private Uri Url(string path) => new($"{Options.QueueUrl.ToString().TrimEnd('/')}/{path}");

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new FalException($"fal sent a response that is not JSON ({(int)response.StatusCode}).", (int)response.StatusCode, inner: e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "fal: submitted {EndpointId} as request {RequestId}")]
    private static partial void LogSubmitted(ILogger logger, string endpointId, string requestId);
}
