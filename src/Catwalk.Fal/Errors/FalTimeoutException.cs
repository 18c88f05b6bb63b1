namespace Catwalk.Fal;

/// <summary>A job took longer than its limit. Its request id is kept: if it was already running, its result can still be collected.</summary>
public sealed class FalTimeoutException(FalRequestHandle request, TimeSpan limit, bool cancelledAtFal)
    : FalException($"{request.EndpointId} request {request.RequestId} did not finish within {limit.TotalSeconds:0} s" +
                   (cancelledAtFal ? "; it was still queued and has been cancelled at fal." : "; it may still finish at fal (request id kept)."),
        null, request.RequestId, request.EndpointId)
{
    public bool CancelledAtFal { get; } = cancelledAtFal;
}
