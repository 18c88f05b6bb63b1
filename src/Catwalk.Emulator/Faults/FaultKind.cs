namespace Catwalk.Emulator.Faults;

/// <summary>What goes wrong.</summary>
public enum FaultKind
{
    /// <summary>HTTP 429 with <c>Retry-After</c>: nothing was done.</summary>
    RateLimited,
    /// <summary>HTTP 500 from the queue (on submit fal may or may not have enqueued; the emulator has not).</summary>
    ServerError,
    /// <summary>HTTP 502 from fal's edge: nothing was done.</summary>
    BadGateway,
    /// <summary>HTTP 503 (runner_scheduling_failure): nothing was done.</summary>
    Unavailable,
    /// <summary>The connection is dropped before any answer.</summary>
    Reset,
    /// <summary>The answer comes late (<see cref="FaultRule.DelayMilliseconds"/>).</summary>
    Slow,
    /// <summary>Submit only: the job IS enqueued, then the connection drops before the answer — a job the caller cannot see.</summary>
    LostSubmit,
    /// <summary>Submit only: the job IS enqueued (and starts as any other), and the answer comes late — the window in which a caller killed mid-send leaves a job it never heard of.</summary>
    SlowSubmit,
    /// <summary>Stream only: the status stream ends after its first event, without COMPLETED.</summary>
    StreamCut,
    /// <summary>Download only: the file is cut off halfway, with the full Content-Length announced.</summary>
    Truncated,
    /// <summary>Job only: the model fails with an error payload (its result replays it).</summary>
    JobFails,
    /// <summary>Job only: the job stays IN_PROGRESS forever.</summary>
    NeverFinishes,
}
