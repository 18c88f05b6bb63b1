namespace Catwalk.Telemetry;

/// <summary>The phases of a job: each is a span under the job's span, and a <c>catwalk.phase</c> value of <see cref="CatwalkTelemetry.JobDuration"/>.</summary>
public enum CatwalkPhase
{
    Upload,
    Submit,
    QueueWait,
    Inference,
    Download,
    Verify,
    Metrics,
    /// <summary>The whole job, from its start to its end state (the job span itself).</summary>
    Total,
}
