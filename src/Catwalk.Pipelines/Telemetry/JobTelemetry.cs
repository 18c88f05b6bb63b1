using System.Diagnostics;
using Catwalk.Domain;
using Catwalk.Telemetry;

namespace Catwalk.Pipelines.Telemetry;

/// <summary>
/// One job's span (<c>job</c>, under the run's when there is one) and its measurements: phase durations by model,
/// the job's end state and what it cost. Both engines run jobs through the pipelines, so this is their one place.
/// </summary>
internal sealed class JobTelemetry : IDisposable
{
    private readonly Activity? _span;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TagList _model;
    private readonly bool _emulated;
    private bool _ended;

    private JobTelemetry(Catwalk.Domain.StageKind stage, string modelKey, string endpointId, string prompt, bool emulated)
    {
        _emulated = emulated;
        _model = new TagList { { CatwalkTags.ModelKey, modelKey }, { CatwalkTags.Stage, stage.Name() } };
        _span = CatwalkTelemetry.Source.StartActivity(CatwalkPhaseNames.Job)
            ?.SetTag(CatwalkTags.Stage, stage.Name()).SetTag(CatwalkTags.ModelKey, modelKey).SetTag(CatwalkTags.Endpoint, endpointId)
            .SetTag(CatwalkTags.Emulated, emulated).SetTag(CatwalkTags.Prompt, CatwalkTelemetry.Prompt(prompt));
    }

    public static JobTelemetry Start(Catwalk.Domain.StageKind stage, string modelKey, string endpointId, string prompt, bool emulated) =>
        new(stage, modelKey, endpointId, prompt, emulated);

    /// <summary>The journal let the job begin here (it was not held elsewhere): from now on how it ends is counted.</summary>
    public bool Begun { get; private set; }

    public void Begin() => Begun = true;

    /// <summary>A phase's duration, for the histogram (the phase's span is made where the work is).</summary>
    public void Phase(CatwalkPhase phase, TimeSpan duration)
    {
        var tags = _model;
        tags.Add(CatwalkTags.Phase, CatwalkPhaseNames.Of(phase));
        CatwalkTelemetry.JobDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>Runs <paramref name="verify"/> as the job's verify phase: its own span and duration.</summary>
    public async Task VerifyAsync(Func<Task> verify)
    {
        var started = Stopwatch.GetTimestamp();
        using (var span = CatwalkPhaseNames.Start(CatwalkPhase.Verify))
        {
            try { await verify().ConfigureAwait(false); }
            catch (Exception e) when (span is not null)
            {
                CatwalkTelemetry.Failed(span, e);
                throw;
            }
        }
        Phase(CatwalkPhase.Verify, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The job was already done (or ended) in an earlier attempt: nothing is counted again.</summary>
    public void AlreadyEnded(JobOutcomeStatus status, string? requestId)
    {
        _ended = true;
        _span?.SetTag(CatwalkTags.JobState, State(status)).SetTag(CatwalkTags.RequestId, requestId).SetTag("catwalk.job.earlier_attempt", true);
    }

    /// <summary>The job ended now: its state, request id and cost go on the span and the counters.</summary>
    public void Ended(JobOutcomeStatus status, string? requestId, decimal costUsd, bool cached)
    {
        if (_ended || !Begun) return;
        _ended = true;
        var state = State(status);
        var cost = status == JobOutcomeStatus.Succeeded && !cached ? (double)costUsd : 0;
        _span?.SetTag(CatwalkTags.JobState, state).SetTag(CatwalkTags.RequestId, requestId).SetTag(CatwalkTags.CostUsd, cost).SetTag(CatwalkTags.Cached, cached);
        if (status is not (JobOutcomeStatus.Succeeded or JobOutcomeStatus.Skipped)) _span?.SetStatus(ActivityStatusCode.Error, state);
        var tags = _model;
        tags.Add(CatwalkTags.JobState, state);
        CatwalkTelemetry.Jobs.Add(1, tags);
        if (cost > 0)
        {
            var costTags = _model;
            costTags.Add(CatwalkTags.Emulated, _emulated);
            CatwalkTelemetry.Cost.Add(cost, costTags);
        }
        if (status == JobOutcomeStatus.Succeeded && !cached) Phase(CatwalkPhase.Total, Stopwatch.GetElapsedTime(_started));
    }

    private static string State(JobOutcomeStatus status) => status switch
    {
        JobOutcomeStatus.Succeeded => "succeeded",
        JobOutcomeStatus.Failed => "failed",
        JobOutcomeStatus.Cancelled => "cancelled",
        JobOutcomeStatus.Unknown => "unknown",
        JobOutcomeStatus.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public void Dispose() => _span?.Dispose();
}
