using Microsoft.Extensions.Logging;

namespace Catwalk.Fal.Internal;

/// <summary>
/// Waits for one job: fal's status stream first, polling with a backoff when the stream is unavailable or breaks,
/// then the result. Tracks when the job left the queue for the latency split. When the caller gives up (timeout or
/// cancellation) a job still queued is cancelled at fal so it is never run or billed; a running one is left to finish.
/// </summary>
internal sealed partial class FalJobWaiter(FalQueueClient client, FalOptions options, TimeProvider time, ILogger logger)
{
    private FalQueueState? _lastState;
    private DateTimeOffset? _startedRunning;
    private double? _inferenceSeconds;

    public async Task<FalResult> WaitAsync(FalSubmission submission, FalWaitOptions wait, CancellationToken cancellationToken)
    {
        var handle = submission.Request;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (wait.Timeout is { } timeout) limit.CancelAfter(timeout);
        try
        {
            while (true)
            {
                if (wait.UseStreaming) await FollowStreamAsync(handle, wait, limit.Token).ConfigureAwait(false);
                if (_lastState != FalQueueState.Completed) await PollAsync(handle, wait, limit.Token).ConfigureAwait(false);
                var total = time.GetUtcNow() - submission.SubmittedAt;
                var queueWait = (_startedRunning ?? time.GetUtcNow()) - submission.SubmittedAt;
                var result = await client.TryGetResultAsync(handle, queueWait, total, limit.Token, _inferenceSeconds).ConfigureAwait(false);
                if (result is not null) return result;
                _lastState = FalQueueState.InProgress; // completed status but no result yet: keep waiting
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            var cancelledAtFal = await CancelIfQueuedAsync(handle).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested) throw;
            throw new FalTimeoutException(handle, wait.Timeout!.Value, cancelledAtFal);
        }
    }

    private async Task FollowStreamAsync(FalRequestHandle handle, FalWaitOptions wait, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var status in client.StreamStatusAsync(handle, wait.Logs, cancellationToken).ConfigureAwait(false))
                Observe(status, wait);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or System.Text.Json.JsonException
                                   || (e is FalException { StatusCode: not (401 or 403 or 404) }))
        {
            LogStreamFallback(logger, handle.EndpointId, handle.RequestId, e.GetType().Name);
        }
    }

    private async Task PollAsync(FalRequestHandle handle, FalWaitOptions wait, CancellationToken cancellationToken)
    {
        var interval = options.PollInterval;
        while (true)
        {
            var status = await client.GetStatusAsync(handle, wait.Logs, cancellationToken).ConfigureAwait(false);
            Observe(status, wait);
            if (status.State == FalQueueState.Completed) return;
            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * 1.5), options.MaxPollInterval.Ticks));
        }
    }

    private void Observe(FalQueueStatus status, FalWaitOptions wait)
    {
        if (status.State != FalQueueState.InQueue && _startedRunning is null) _startedRunning = time.GetUtcNow();
        if (status.InferenceSeconds is { } seconds) _inferenceSeconds = seconds;
        _lastState = status.State;
        wait.Progress?.Report(status);
    }

    /// <summary>Best effort, outside the caller's (cancelled) token: a job not yet running is removed from fal's queue.</summary>
    private async Task<bool> CancelIfQueuedAsync(FalRequestHandle handle)
    {
        if (_lastState is FalQueueState.InProgress or FalQueueState.Completed) return false;
        try
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var outcome = await client.CancelAsync(handle, bound.Token).ConfigureAwait(false);
            return outcome == FalCancelOutcome.CancellationRequested;
        }
        catch (Exception e) when (e is HttpRequestException or FalException or OperationCanceledException)
        {
            LogCancelFailed(logger, handle.EndpointId, handle.RequestId, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "fal: status stream for {EndpointId} {RequestId} unavailable ({Error}); polling")]
    private static partial void LogStreamFallback(ILogger logger, string endpointId, string requestId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "fal: could not cancel queued {EndpointId} request {RequestId}: {Error}")]
    private static partial void LogCancelFailed(ILogger logger, string endpointId, string requestId, string error);
}
