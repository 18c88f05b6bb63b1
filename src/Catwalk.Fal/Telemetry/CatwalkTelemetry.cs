using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Catwalk.Telemetry;

/// <summary>
/// Catwalk's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <c>Catwalk</c>, and the
/// instruments on it. It lives in the fal client, the lowest layer that has spans (submit, queue wait, inference,
/// download), so every library above it shares the same source. With nothing listening, a span is never created
/// and a measurement costs one check: telemetry is off until a host subscribes (OpenTelemetry, dotnet-counters).
/// </summary>
public static class CatwalkTelemetry
{
    public const string Name = "Catwalk";

    /// <summary>Longest prompt put on a span; a longer one is cut, with an ellipsis.</summary>
    public const int MaxPromptLength = 256;

    private static readonly string? Version = typeof(CatwalkTelemetry).Assembly.GetName().Version?.ToString(3);

    public static ActivitySource Source { get; } = new(Name, Version);

    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>Seconds a job spent in one phase (tags: model, stage, phase), and in all of them (phase <c>total</c>).</summary>
    public static Histogram<double> JobDuration { get; } = Meter.CreateHistogram<double>("catwalk.job.duration", "s",
        "How long a job spent in one phase (queue_wait, inference, download, verify, metrics) or in all (total), by model.");

    /// <summary>What fal charges for finished jobs, in US dollars (tags: model, stage, emulated).</summary>
    public static Counter<double> Cost { get; } = Meter.CreateCounter<double>("catwalk.cost", "USD",
        "Estimated cost of the jobs fal finished, by model; emulated jobs are tagged so and cost nothing real.");

    /// <summary>Jobs by how they ended (tags: model, stage, state).</summary>
    public static Counter<long> Jobs { get; } = Meter.CreateCounter<long>("catwalk.jobs", "{job}", "Jobs by final state and model.");

    /// <summary>HTTP calls to fal retried, by the status code that caused it (or the exception type when no answer came).</summary>
    public static Counter<long> FalRetries { get; } = Meter.CreateCounter<long>("catwalk.fal.retries", "{retry}",
        "fal HTTP calls retried, by the status code (or error) of the failed attempt.");

    /// <summary>A prompt as it may appear on a span: at most <see cref="MaxPromptLength"/> characters.</summary>
    public static string Prompt(string prompt) =>
        prompt.Length <= MaxPromptLength ? prompt : string.Concat(prompt.AsSpan(0, MaxPromptLength - 1), "…");

    /// <summary>
    /// Starts a span that does not become <see cref="Activity.Current"/> (its parent stays current), for phases that
    /// begin and end in callbacks — queue wait, inference — where the ambient span would otherwise leak.
    /// </summary>
    public static Activity? StartDetached(string name, ActivityContext parent, DateTimeOffset startTime)
    {
        if (!Source.HasListeners()) return null;
        var previous = Activity.Current;
        var activity = Source.StartActivity(name, ActivityKind.Internal, parent, startTime: startTime);
        Activity.Current = previous;
        return activity;
    }

    /// <summary>
    /// The parent of a run's spans, made from the run id (32 hex digits, as Catwalk makes them): the trace id is the run
    /// id, so every process that works on the run — one <c>catwalk run</c>, or many workers — adds to the same trace,
    /// found by the run id. The parent span itself is never recorded (no process owns the whole run). Default for
    /// another id.
    /// </summary>
    public static ActivityContext RunContext(string runId)
    {
        if (runId.Length != 32 || !runId.All(char.IsAsciiHexDigitLower)) return default;
        var spanId = ActivitySpanId.CreateFromString(runId.AsSpan(16));
        return spanId == default ? default : new ActivityContext(ActivityTraceId.CreateFromString(runId), spanId, ActivityTraceFlags.Recorded, isRemote: true);
    }

    /// <summary>Marks a span failed with the exception's type (never its message, which may quote a request).</summary>
    public static void Failed(Activity? span, Exception e)
    {
        if (span is null) return;
        var type = e is OperationCanceledException ? "cancelled" : e.GetType().Name;
        span.SetStatus(ActivityStatusCode.Error, type).SetTag(CatwalkTags.ErrorType, type);
    }
}
