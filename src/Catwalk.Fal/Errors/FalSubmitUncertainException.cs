namespace Catwalk.Fal;

/// <summary>
/// A submit was sent but its answer was lost (connection dropped, timed out): fal may have queued — and will bill —
/// the job, and we cannot know its request id. It is not resent automatically; resubmitting is the user's call.
/// </summary>
public sealed class FalSubmitUncertainException(string endpointId, Exception inner)
    : FalException($"The submit to {endpointId} was sent but its answer was lost ({inner.Message}); fal may have queued and billed it. " +
                   "Not resent automatically — run it again yourself if you want another attempt.", null, null, endpointId, inner);
