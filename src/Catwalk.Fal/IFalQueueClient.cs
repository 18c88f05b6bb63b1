using System.Text.Json.Nodes;

namespace Catwalk.Fal;

/// <summary>fal's queue protocol: submit, status (poll or stream), result, cancel — and the two together as subscribe.</summary>
public interface IFalQueueClient
{
    Task<FalSubmission> SubmitAsync(string endpointId, JsonObject input, CancellationToken cancellationToken = default);
    Task<FalQueueStatus> GetStatusAsync(FalRequestHandle request, bool includeLogs = false, CancellationToken cancellationToken = default);
    /// <summary>fal's status stream; the last item is COMPLETED.</summary>
    IAsyncEnumerable<FalQueueStatus> StreamStatusAsync(FalRequestHandle request, bool includeLogs = false, CancellationToken cancellationToken = default);
    /// <summary>The result of a completed job; throws the model's error if it failed.</summary>
    Task<FalResult> GetResultAsync(FalRequestHandle request, CancellationToken cancellationToken = default);
    Task<FalCancelOutcome> CancelAsync(FalRequestHandle request, CancellationToken cancellationToken = default);
    /// <summary>Waits for a submitted job (stream first, polling as fallback) and fetches its result.</summary>
    Task<FalResult> WaitForResultAsync(FalSubmission submission, FalWaitOptions? options = null, CancellationToken cancellationToken = default);
    /// <summary>Submit, then <see cref="FalWaitOptions.OnSubmitted"/>, then <see cref="WaitForResultAsync"/>.</summary>
    Task<FalResult> SubscribeAsync(string endpointId, JsonObject input, FalWaitOptions? options = null, CancellationToken cancellationToken = default);
}
