using System.Diagnostics;
using System.Threading.Channels;
using Catwalk.Generation;
using Catwalk.Quality;
using Catwalk.Runs.Execution;
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
    private readonly IRunStore _store;
    private readonly string _outputRoot;
    private readonly IRunObserver _inner;
    private readonly Channel<(string JobId, ActivityContext Job)> _queue = Channel.CreateUnbounded<(string, ActivityContext)>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;
    private int _measured, _failed;

    public MetricsRecorder(IRunStore store, string outputRoot, IRunObserver? inner = null, int? workers = null)
    {
        (_store, _outputRoot, _inner) = (store, outputRoot, inner ?? NullRunObserver.Instance);
        _workers = [.. Enumerable.Range(0, workers ?? Math.Max(1, Environment.ProcessorCount / 2)).Select(_ => Task.Run(WorkAsync))];
    }

    public int Measured => Volatile.Read(ref _measured);
    public int Failed => Volatile.Read(ref _failed);

    public void Started(IReadOnlyList<JobRecord> jobs) => _inner.Started(jobs);

    public void Moved(JobRecord job, JobPhase phase, string? detail)
    {
        // Measured later, on a background worker: the job's span (current here) stays the metrics span's parent.
        if (phase == JobPhase.Done && job.Stage == "video") _queue.Writer.TryWrite((job.Id, Activity.Current?.Context ?? default));
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

    /// <summary>Measures one stored job now; false when it has no video on disk or ffmpeg could not read it.</summary>
    /// <param name="parent">The job's span, when measured after it ended (default: the current span).</param>
    public static async Task<bool> MeasureAsync(IRunStore store, JobRecord job, string outputRoot, CancellationToken cancellationToken, ActivityContext parent = default)
    {
        if (JobMetricsInput.From(job, outputRoot) is not { } input) return false;
        using var span = CatwalkTelemetry.Source.StartActivity(CatwalkPhaseNames.Of(CatwalkPhase.Metrics), ActivityKind.Internal, parent)
            ?.SetTag(CatwalkTags.JobId, job.Id).SetTag(CatwalkTags.ModelKey, job.ModelKey).SetTag(CatwalkTags.RequestId, job.RequestId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var metrics = await VideoMetricsAnalyzer.AnalyzeAsync(input.VideoPath, input.InputImage, input.Expected, cancellationToken).ConfigureAwait(false);
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

    private async Task WorkAsync()
    {
        try
        {
            await foreach (var (jobId, parent) in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                if (await _store.GetJobAsync(jobId, _stop.Token).ConfigureAwait(false) is not { } job) continue;
                if (await MeasureAsync(_store, job, _outputRoot, _stop.Token, parent).ConfigureAwait(false)) Interlocked.Increment(ref _measured);
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
