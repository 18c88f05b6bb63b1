using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Catwalk.Fal.Internal;

/// <summary>
/// Waits for one job: fal's status stream first, polling with a backoff when the stream is unavailable, breaks or
/// ends without COMPLETED, then the result. Passes each status on with the logs so far, and records when the job
/// left the queue for the latency split. When the wait is given up (per-job timeout, or the caller cancels — unless
/// <see cref="FalOptions.CancelQueuedJobsWhenAbandoned"/> is off) a job not yet seen running is cancelled at fal, so
/// it is never run or billed; a running one is left to finish.
/// </summary>
internal sealed partial class FalJobWaiter(FalQueueClient client, FalOptions options, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan CancelBound = TimeSpan.FromSeconds(10);
    private readonly FalLogAccumulator _logs = new();
    private FalQueueState? _lastState;
    private FalWaitSpans? _spans;

    public async Task<FalResult> WaitAsync(FalSubmission submission, FalWaitOptions wait, CancellationToken cancellationToken)
    {
        var handle = submission.Request;
        var timeline = new FalJobTimeline(submission.SubmittedAt);
        using var timeout = wait.Timeout is { } limit ? new CancellationTokenSource(limit, time) : null;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout?.Token ?? CancellationToken.None);
        var token = linked.Token;
        using var spans = _spans = new FalWaitSpans(handle, submission.SubmittedAt);
        try
        {
            if (wait.UseStreaming) await FollowStreamAsync(handle, wait, timeline, token).ConfigureAwait(false);
            var notReadyDelay = options.PollInterval;
            while (true)
            {
                if (_lastState != FalQueueState.Completed) await PollAsync(handle, wait, timeline, token).ConfigureAwait(false);
                if (await client.TryGetResultDataAsync(handle, token).ConfigureAwait(false) is { } data)
                    return new FalResult(handle, data, timeline.ToTimings(time.GetUtcNow()));
                // Status said COMPLETED but the result answered 202: give fal a moment, then confirm by polling.
                LogResultNotReady(logger, handle.EndpointId, handle.RequestId);
                _lastState = FalQueueState.InProgress;
                await Task.Delay(notReadyDelay, time, token).ConfigureAwait(false);
                notReadyDelay = Backoff(notReadyDelay);
            }
        }
        catch (Exception e) when (spans.Failed(e))
        {
            throw; // never reached: the filter only marks the open span failed
        }
        catch (OperationCanceledException) when (timeout?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            var cancelledAtFal = await CancelIfNotRunningAsync(handle).ConfigureAwait(false);
            throw new FalTimeoutException(handle, wait.Timeout!.Value, cancelledAtFal);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (options.CancelQueuedJobsWhenAbandoned) await CancelIfNotRunningAsync(handle).ConfigureAwait(false);
            throw;
        }
    }

    private async Task FollowStreamAsync(FalRequestHandle handle, FalWaitOptions wait, FalJobTimeline timeline, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var status in client.StreamStatusAsync(handle, wait.Logs, cancellationToken).ConfigureAwait(false))
                Observe(status, wait, timeline);
            if (_lastState != FalQueueState.Completed) LogStreamFallback(logger, handle.EndpointId, handle.RequestId, "ended before COMPLETED");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or JsonException
                                   || e is FalException { StatusCode: not (401 or 403 or 404 or 422) })
        {
            // Polling asks the same questions one call at a time; it also surfaces a real error properly typed.
            LogStreamFallback(logger, handle.EndpointId, handle.RequestId, e.GetType().Name);
        }
    }

    private async Task PollAsync(FalRequestHandle handle, FalWaitOptions wait, FalJobTimeline timeline, CancellationToken cancellationToken)
    {
        var interval = options.PollInterval;
        while (true)
        {
            var status = await client.GetStatusAsync(handle, wait.Logs, cancellationToken).ConfigureAwait(false);
            Observe(status, wait, timeline);
            if (status.State == FalQueueState.Completed) return;
            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
            interval = Backoff(interval);
        }
    }

    private TimeSpan Backoff(TimeSpan interval) => TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * 1.5), options.MaxPollInterval.Ticks));

    private void Observe(FalQueueStatus status, FalWaitOptions wait, FalJobTimeline timeline)
    {
        var now = time.GetUtcNow();
        timeline.Observe(status, now);
        _spans?.Observe(status.State, now);
        _lastState = status.State;
        wait.Progress?.Report(status with { Logs = _logs.Add(status.Logs) });
    }

    /// <summary>
    /// Best effort, outside the given-up token and bounded: a job not seen running is removed from fal's queue.
    /// Returns whether fal accepted the cancellation.
    /// </summary>
    private async Task<bool> CancelIfNotRunningAsync(FalRequestHandle handle)
    {
        if (_lastState is FalQueueState.InProgress or FalQueueState.Completed) return false;
        try
        {
            using var bound = new CancellationTokenSource(CancelBound, time);
            var outcome = await client.CancelAsync(handle, bound.Token).ConfigureAwait(false);
            LogCancelled(logger, handle.EndpointId, handle.RequestId, outcome);
            return outcome == FalCancelOutcome.CancellationRequested;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or FalException or OperationCanceledException or Polly.ExecutionRejectedException)
        {
            LogCancelFailed(logger, handle.EndpointId, handle.RequestId, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "fal: status stream for {EndpointId} request {RequestId} unusable ({Reason}); polling")]
    private static partial void LogStreamFallback(ILogger logger, string endpointId, string requestId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "fal: {EndpointId} request {RequestId} is COMPLETED but its result is not ready yet")]
    private static partial void LogResultNotReady(ILogger logger, string endpointId, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "fal: gave up waiting for {EndpointId} request {RequestId}; cancel answered {Outcome}")]
    private static partial void LogCancelled(ILogger logger, string endpointId, string requestId, FalCancelOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "fal: could not cancel {EndpointId} request {RequestId}: {Error}")]
    private static partial void LogCancelFailed(ILogger logger, string endpointId, string requestId, string error);
}
