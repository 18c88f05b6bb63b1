using System.Diagnostics;
using Catwalk.Telemetry;

namespace Catwalk.Fal.Internal;

/// <summary>
/// The queue_wait and inference spans of one wait, under the span that was current when the wait began (the job's):
/// queue_wait from the submit until fal first reports the job running, inference from then until COMPLETED. They
/// start and end in status callbacks, so they never become the ambient span.
/// </summary>
internal sealed class FalWaitSpans : IDisposable
{
    private readonly ActivityContext _parent;
    private readonly FalRequestHandle _handle;
    private Activity? _queueWait, _inference;
    private bool _completed;

    public FalWaitSpans(FalRequestHandle handle, DateTimeOffset submittedAt)
    {
        _handle = handle;
        _parent = Activity.Current?.Context ?? default;
        _queueWait = Tag(CatwalkTelemetry.StartDetached(CatwalkPhaseNames.Of(CatwalkPhase.QueueWait), _parent, submittedAt));
    }

    public void Observe(FalQueueState state, DateTimeOffset now)
    {
        if (_completed) return;
        if (state != FalQueueState.InQueue && _inference is null)
        {
            End(ref _queueWait, now);
            _inference = Tag(CatwalkTelemetry.StartDetached(CatwalkPhaseNames.Of(CatwalkPhase.Inference), _parent, now));
        }
        if (state == FalQueueState.Completed)
        {
            End(ref _inference, now);
            _completed = true;
        }
    }

    /// <summary>The wait ended without a result: the open span says why. Returns false, for use as an exception filter.</summary>
    public bool Failed(Exception e)
    {
        CatwalkTelemetry.Failed(_inference ?? _queueWait, e);
        return false;
    }

    private Activity? Tag(Activity? span) =>
        span?.SetTag(CatwalkTags.Endpoint, _handle.EndpointId).SetTag(CatwalkTags.RequestId, _handle.RequestId);

    private static void End(ref Activity? span, DateTimeOffset at)
    {
        if (span is null) return;
        span.SetEndTime(at.UtcDateTime);
        span.Stop();
        span = null;
    }

    public void Dispose()
    {
        _queueWait?.Stop();
        _inference?.Stop();
    }
}
