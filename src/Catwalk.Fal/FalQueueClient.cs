using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Fal.Internal;
using Catwalk.Telemetry;
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
        ArgumentNullException.ThrowIfNull(input);
        endpointId = endpointId?.Trim('/') ?? throw new ArgumentNullException(nameof(endpointId));
        using var span = CatwalkPhaseNames.Start(CatwalkPhase.Submit)?.SetTag(CatwalkTags.Endpoint, endpointId);
        try
        {
            var submission = await SubmitCoreAsync(endpointId, input, cancellationToken).ConfigureAwait(false);
            span?.SetTag(CatwalkTags.RequestId, submission.Request.RequestId);
            return submission;
        }
        catch (Exception e) when (span is not null)
        {
            CatwalkTelemetry.Failed(span, e);
            throw;
        }
    }

    private async Task<FalSubmission> SubmitCoreAsync(string endpointId, JsonObject input, CancellationToken cancellationToken)
    {
        _ = new FalRequestHandle(endpointId, "-").OwnerApp; // a malformed id fails here, before anything is paid for
        var client = http.CreateClient(FalHttpClients.Queue);
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(endpointId)) { Content = FalJsonContent.Create(input) };
        request.Headers.Add("x-fal-queue-priority", "normal");
        if (Options.StartDeadline is { } deadline) request.Headers.Add("x-fal-request-timeout", FalStartDeadline.Header(deadline));
        var submittedAt = time.GetUtcNow();
        HttpResponseMessage? response = null;
        JsonDocument json;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            LogCall(logger, "POST", request.RequestUri!, (int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
                throw await FalErrorReader.ReadAsync(response, endpointId, null, isResult: false, cancellationToken).ConfigureAwait(false);
            json = await ReadJsonAsync(response, endpointId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or Polly.Timeout.TimeoutRejectedException
                                   && !FalRetryRules.NothingWasSent(e) && !cancellationToken.IsCancellationRequested)
        {
            // The request went out and no answer came back: the job may exist at fal. Never resend it blindly.
            throw new FalSubmitUncertainException(endpointId, e);
        }
        catch (FalException e) when (e.InnerException is JsonException)
        {
            throw new FalSubmitUncertainException(endpointId, e); // fal said yes, but we cannot read which job it made
        }
        catch (HttpRequestException e)
        {
            throw new FalException($"Could not reach fal to submit {endpointId}: {e.Message}", null, null, endpointId, e);
        }
        finally
        {
            response?.Dispose();
        }
        using var answer = json;
        var id = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("request_id", out var rid) && rid.ValueKind == JsonValueKind.String ? rid.GetString() : null;
        if (string.IsNullOrEmpty(id))
            throw new FalSubmitUncertainException(endpointId, new FalException($"fal accepted a job for {endpointId} but its answer had no request_id."));
        int? position = json.RootElement.TryGetProperty("queue_position", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;
        LogSubmitted(logger, endpointId, id, position);
        return new FalSubmission(new FalRequestHandle(endpointId, id), position, submittedAt);
    }

    public async Task<FalQueueStatus> GetStatusAsync(FalRequestHandle request, bool includeLogs = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = http.CreateClient(FalHttpClients.Queue);
        using var response = await SendAsync(client, HttpMethod.Get, RequestUrl(request, $"/status?logs={(includeLogs ? 1 : 0)}"), request, cancellationToken).ConfigureAwait(false);
        // 202 while queued or running, 200 once completed: both are read by their "status" field.
        if (!response.IsSuccessStatusCode)
            throw await FalErrorReader.ReadAsync(response, request.EndpointId, request.RequestId, isResult: false, cancellationToken).ConfigureAwait(false);
        using var json = await ReadJsonAsync(response, request.EndpointId, cancellationToken).ConfigureAwait(false);
        return FalStatusReader.Read(json.RootElement);
    }

    public async IAsyncEnumerable<FalQueueStatus> StreamStatusAsync(FalRequestHandle request, bool includeLogs = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = http.CreateClient(FalHttpClients.Stream);
        using var message = new HttpRequestMessage(HttpMethod.Get, RequestUrl(request, $"/status/stream?logs={(includeLogs ? 1 : 0)}"));
        message.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        LogCall(logger, "GET", message.RequestUri!, (int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
            throw await FalErrorReader.ReadAsync(response, request.EndpointId, request.RequestId, isResult: false, cancellationToken).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var data in SseReader.ReadEventsAsync(stream, Options.StreamIdleTimeout, cancellationToken, time).ConfigureAwait(false))
        {
            using var json = JsonDocument.Parse(data);
            var status = FalStatusReader.Read(json.RootElement);
            yield return status;
            if (status.State == FalQueueState.Completed) yield break;
        }
    }

    /// <summary>The result of a completed job. Timings are zero here: only a wait observes the job's timeline.</summary>
    public async Task<FalResult> GetResultAsync(FalRequestHandle request, CancellationToken cancellationToken = default) =>
        await TryGetResultDataAsync(request, cancellationToken).ConfigureAwait(false) is { } data
            ? new FalResult(request, data, new FalTimings(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero))
            : throw new FalException($"{request.EndpointId} request {request.RequestId} is not finished yet.", 202, request.RequestId, request.EndpointId);

    /// <summary>The model's output, or null while fal still answers 202 (not finished); a failed job throws its error.</summary>
    internal async Task<JsonElement?> TryGetResultDataAsync(FalRequestHandle request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = http.CreateClient(FalHttpClients.Queue);
        using var response = await SendAsync(client, HttpMethod.Get, RequestUrl(request, ""), request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Accepted) return null;
        if (!response.IsSuccessStatusCode)
            throw await FalErrorReader.ReadAsync(response, request.EndpointId, request.RequestId, isResult: true, cancellationToken).ConfigureAwait(false);
        using var json = await ReadJsonAsync(response, request.EndpointId, cancellationToken).ConfigureAwait(false);
        return json.RootElement.Clone();
    }

    public async Task<FalCancelOutcome> CancelAsync(FalRequestHandle request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = http.CreateClient(FalHttpClients.Queue);
        using var response = await SendAsync(client, HttpMethod.Put, RequestUrl(request, "/cancel"), request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        // fal documents the body's status (OK, CANCELLATION_REQUESTED, ALREADY_COMPLETED, NOT_FOUND); the codes are less certain.
        switch (CancelStatus(body))
        {
            case "ALREADY_COMPLETED": return FalCancelOutcome.AlreadyCompleted;
            case "NOT_FOUND": return FalCancelOutcome.NotFound;
            case "OK" or "CANCELLATION_REQUESTED" when response.IsSuccessStatusCode: return FalCancelOutcome.CancellationRequested;
        }
        if (response.IsSuccessStatusCode) return FalCancelOutcome.CancellationRequested;
        if (response.StatusCode == HttpStatusCode.NotFound) return FalCancelOutcome.NotFound;
        throw FalErrorReader.Read(response, body, request.EndpointId, request.RequestId, isResult: false);
    }

    private static string? CancelStatus(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

    public Task<FalResult> WaitForResultAsync(FalSubmission submission, FalWaitOptions? options = null, CancellationToken cancellationToken = default) =>
        new FalJobWaiter(this, Options, time, logger).WaitAsync(submission, options ?? new FalWaitOptions(), cancellationToken);

    public async Task<FalResult> SubscribeAsync(string endpointId, JsonObject input, FalWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FalWaitOptions();
        // Cancelling does not cut a submit off mid-flight (fal may already have the job): it gets a short grace to
        // answer, its request id is handed over, and only then does the cancellation stop the waiting.
        using var grace = new CancellationTokenSource();
        await using (cancellationToken.Register(() => grace.CancelAfter(Options.SubmitGrace)).ConfigureAwait(false))
        {
            var submission = await SubmitAsync(endpointId, input, grace.Token).ConfigureAwait(false);
            if (options.OnSubmitted is { } onSubmitted) await onSubmitted(submission, CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return await WaitForResultAsync(submission, options, cancellationToken).ConfigureAwait(false);
        }
    }

    private Uri Url(string path) => new($"{Options.QueueUrl.ToString().TrimEnd('/')}/{path}");

    /// <summary>Status, stream, result and cancel live under owner/app only — never the endpoint's path.</summary>
    private Uri RequestUrl(FalRequestHandle request, string suffix) =>
        Url($"{request.OwnerApp}/requests/{Uri.EscapeDataString(request.RequestId)}{suffix}");

    /// <summary>One status/result/cancel call; a per-attempt timeout that outlasted the retries becomes a <see cref="FalException"/>, not a Polly type.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, Uri url, FalRequestHandle request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(method, url);
        try
        {
            var response = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            LogCall(logger, method.Method, url, (int)response.StatusCode);
            return response;
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            throw new FalException($"fal did not answer {method} {url.AbsolutePath} within {Options.HttpTimeout.TotalSeconds:0} s (Fal:HttpTimeout).",
                null, request.RequestId, request.EndpointId, e);
        }
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, string endpointId, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new FalException($"fal sent {endpointId} an answer that is not JSON (HTTP {(int)response.StatusCode}).", (int)response.StatusCode, endpointId: endpointId, inner: e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "fal: submitted {EndpointId} as request {RequestId} (queue position {QueuePosition})")]
    private static partial void LogSubmitted(ILogger logger, string endpointId, string requestId, int? queuePosition);

    // URLs and status codes only: headers (the key) are never logged.
    [LoggerMessage(Level = LogLevel.Trace, Message = "fal: {Method} {Url} → {StatusCode}")]
    private static partial void LogCall(ILogger logger, string method, Uri url, int statusCode);
}
