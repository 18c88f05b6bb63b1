using Catwalk.Domain;
using System.Diagnostics;
using System.Threading.Channels;
using Catwalk.Generation;
using Catwalk.Quality;
using Catwalk.Quality.Fashion;
using Catwalk.Runs.Execution;
using Catwalk.Runs.Specs;
using Catwalk.Store;
using Catwalk.Telemetry;

namespace Catwalk.Runs.Quality;

/// <summary>
/// Measures each video as soon as it is downloaded (Catwalk.Quality, ffmpeg) and stores its metrics, on a few
/// background workers so jobs never wait for it. Passes every call on to the observer it wraps. A video it could
/// not measure (or left when the run was interrupted) is measured later by <c>catwalk metrics --run</c>.
/// </summary>
public sealed class MetricsRecorder : IRunObserver, IAsyncDisposable
{
    private readonly IRunJobStore _store;
    private readonly string _outputRoot;
    private readonly IRunObserver _inner;
    private readonly RunSpec? _spec;
    private readonly Channel<(string JobId, ActivityContext Job)> _queue = Channel.CreateUnbounded<(string, ActivityContext)>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;
    private int _measured, _failed;

    /// <param name="spec">The run's spec: its looks' references and <see cref="RunSpec.MetricFrames"/> give the fashion metrics; null measures pixels only.</param>
    public MetricsRecorder(IRunJobStore store, string outputRoot, IRunObserver? inner = null, int? workers = null, RunSpec? spec = null)
    {
        (_store, _outputRoot, _inner, _spec) = (store, outputRoot, inner ?? NullRunObserver.Instance, spec);
        _workers = [.. Enumerable.Range(0, workers ?? Math.Max(1, Environment.ProcessorCount / 2)).Select(_ => Task.Run(WorkAsync))];
    }

    public int Measured => Volatile.Read(ref _measured);
    public int Failed => Volatile.Read(ref _failed);

    public void Started(IReadOnlyList<JobRecord> jobs) => _inner.Started(jobs);

    public void Moved(JobRecord job, JobPhase phase, string? detail)
    {
        // A generated image is measured too (identity, full body, garment) when the run has references for it. Measured
        // later, on a background worker: the job's span (current here) stays the metrics span's parent.
        if (phase == JobPhase.Done && (job.Stage == StageKind.Video || job.Stage == StageKind.Image && _spec is { MetricFrames: > 0 }))
            _queue.Writer.TryWrite((job.Id, Activity.Current?.Context ?? default));
        _inner.Moved(job, phase, detail);
    }

    public void Progress(JobRecord job, GenerationProgress progress) => _inner.Progress(job, progress);

    /// <summary>Measures what is queued, then stops; <paramref name="cancellationToken"/> abandons the rest.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await using (cancellationToken.Register(_stop.Cancel))
            await Task.WhenAll(_workers).ConfigureAwait(false);
    }

    /// <summary>
    /// Measures one stored job now; false when it has no video on disk or ffmpeg could not read it. With the run's
    /// <paramref name="spec"/>, the fashion metrics too (against its look's references); <see cref="MetricsPart.Fashion"/>
    /// adds only them to the stored pixel metrics (a decode that only samples frames).
    /// </summary>
    /// <param name="parent">The job's span, when measured after it ended (default: the current span).</param>
    public static async Task<bool> MeasureAsync(IRunJobStore store, JobRecord job, string outputRoot, CancellationToken cancellationToken, RunSpec? spec = null,
        MetricsPart part = MetricsPart.All, ActivityContext parent = default)
    {
        if (job.Stage == StageKind.Image) return await MeasureImageAsync(store, job, outputRoot, spec, cancellationToken).ConfigureAwait(false);
        if (JobMetricsInput.From(job, outputRoot, spec) is not { } input) return false;
        using var span = CatwalkTelemetry.Source.StartActivity(CatwalkPhaseNames.Of(CatwalkPhase.Metrics), ActivityKind.Internal, parent)
            ?.SetTag(CatwalkTags.JobId, job.Id).SetTag(CatwalkTags.ModelKey, job.ModelKey).SetTag(CatwalkTags.RequestId, job.RequestId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var fashion = spec is { MetricFrames: > 0 } && !input.Fashion.IsEmpty ? new FashionOptions(input.Fashion, spec.MetricFrames) : null;
            VideoMetrics metrics;
            if (part == MetricsPart.Fashion && MetricsJson.Deserialize(job.MetricsJson) is { } stored)
            {
                if (fashion is null) return false;
                var measured = await VideoMetricsAnalyzer.AnalyzeFashionAsync(input.VideoPath, fashion, cancellationToken).ConfigureAwait(false);
                metrics = stored with { Fashion = measured, Flags = [.. stored.Flags.Except(stored.Fashion?.Flags ?? []), .. measured.Flags] };
            }
            else metrics = await VideoMetricsAnalyzer.AnalyzeAsync(input.VideoPath, input.InputImage, input.Expected, fashion, cancellationToken).ConfigureAwait(false);
            CatwalkTelemetry.JobDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList
            {
                { CatwalkTags.ModelKey, job.ModelKey }, { CatwalkTags.Stage, job.Stage }, { CatwalkTags.Phase, CatwalkPhaseNames.Of(CatwalkPhase.Metrics) },
            });
            return await store.SaveMetricsAsync(job.Id, MetricsJson.Serialize(metrics), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A video that cannot be measured (unreadable, vanished, ffmpeg missing) never fails the run; it stays unmeasured.
            CatwalkTelemetry.Failed(span, e);
            return false;
        }
    }

    /// <summary>A generated image's fashion metrics against its look's references, so an image that lost the face or the outfit shows before videos are made from it.</summary>
    private static async Task<bool> MeasureImageAsync(IRunJobStore store, JobRecord job, string outputRoot, RunSpec? spec, CancellationToken cancellationToken)
    {
        if (spec is not { MetricFrames: > 0 } || job.State != JobState.Downloaded || job.FilePath is not { } file) return false;
        var path = Path.IsPathRooted(file) ? file : Path.Combine(outputRoot, file);
        var references = JobMetricsInput.ReferencesOf(job, spec);
        if (!File.Exists(path) || references.IsEmpty) return false;
        var fashion = await FashionMeasurement.MeasureImageAsync(path, new FashionOptions(references), cancellationToken).ConfigureAwait(false);
        return await store.SaveMetricsAsync(job.Id, MetricsJson.SerializeImage(fashion), CancellationToken.None).ConfigureAwait(false);
    }

    private async Task WorkAsync()
    {
        try
        {
            await foreach (var (jobId, parent) in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                if (await _store.GetJobAsync(jobId, _stop.Token).ConfigureAwait(false) is not { } job) continue;
                if (job.Stage == StageKind.Image && MetricsJson.DeserializeFashion(job.MetricsJson) is { FramesSampled: > 0 })
                {
                    Interlocked.Increment(ref _measured); // the image gate measured it before its videos were judged
                    continue;
                }
                if (await MeasureAsync(_store, job, _outputRoot, _stop.Token, _spec, parent: parent).ConfigureAwait(false)) Interlocked.Increment(ref _measured);
                else Interlocked.Increment(ref _failed);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_workers).ConfigureAwait(false);
        _stop.Dispose();
    }
}
