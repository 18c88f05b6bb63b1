using Catwalk.Generation;
using Catwalk.Store;

namespace Catwalk.Runs.Execution;

/// <summary>
/// Writes fal's progress of each job (queue position, running, new log lines) into the run store for live views, and
/// passes every call on to the observer it wraps. Never blocks a job: <see cref="Progress"/> only merges into the
/// job's latest pending value; one background loop writes them in order, at most one write per job per
/// <see cref="Interval"/> (all jobs due in one write) — except that a change of queue position or of running, and a
/// job's last lines once it ended, are written at once; a job that ended is then forgotten. Disposing writes
/// what is still pending and stops the loop. A failed write is dropped (progress is for display, never for state).
/// </summary>
public sealed class StoreProgressObserver : IRunObserver, IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly IJobProgressStore _store;
    private readonly IRunObserver _inner;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly object _gate = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Written> _written = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _disposed;

    public StoreProgressObserver(IJobProgressStore store, IRunObserver? inner = null, TimeProvider? time = null, TimeSpan? interval = null)
    {
        (_store, _inner, _time, _interval) = (store, inner ?? NullRunObserver.Instance, time ?? TimeProvider.System, interval ?? Interval);
        _loop = Task.Run(LoopAsync);
    }

    public void Started(IReadOnlyList<JobRecord> jobs) => _inner.Started(jobs);

    public void Moved(JobRecord job, JobPhase phase, string? detail)
    {
        _inner.Moved(job, phase, detail);
        if (phase is not (JobPhase.Done or JobPhase.Failed or JobPhase.Skipped)) return;
        // A job that ended is forgotten once its last lines are written: one observer serves a worker for its whole life.
        bool wake;
        lock (_gate)
        {
            // Its last lines are written at once: nothing more will come to join them.
            wake = _pending.TryGetValue(job.Id, out var pending);
            if (wake) pending!.Ended = true;
            else _written.Remove(job.Id);
        }
        if (wake) Wake();
    }

    /// <summary>How many jobs this observer holds anything for (pending or last written); jobs that ended are not kept.</summary>
    internal int JobsRemembered
    {
        get { lock (_gate) return _pending.Keys.Union(_written.Keys).Count(); }
    }

    public void Progress(JobRecord job, GenerationProgress progress)
    {
        _inner.Progress(job, progress);
        if (Volatile.Read(ref _disposed) == 1) return;
        if (progress.Stage is not (GenerationStage.Queued or GenerationStage.Running) && progress.Logs.Count == 0) return;
        var running = progress.Stage == GenerationStage.Running;
        bool wake;
        lock (_gate)
        {
            // The loop sleeps while nothing is pending: the first pending value wakes it, so does an urgent one.
            var first = _pending.Count == 0;
            if (_pending.TryGetValue(job.Id, out var pending)) pending.Logs.AddRange(progress.Logs);
            else _pending[job.Id] = pending = new Pending { Logs = [.. progress.Logs] };
            // A completed job's last lines keep the state it was last seen in.
            if (progress.Stage is GenerationStage.Queued or GenerationStage.Running) (pending.QueuePosition, pending.Running) = (running ? null : progress.QueuePosition, running);
            else if (_written.TryGetValue(job.Id, out var last) && !pending.Seen) (pending.QueuePosition, pending.Running) = (last.QueuePosition, last.Running);
            pending.Seen |= progress.Stage is GenerationStage.Queued or GenerationStage.Running;
            wake = first || IsUrgent(job.Id, pending);
        }
        if (wake) Wake();
    }

    private void Wake()
    {
        try { _wake.Release(); }
        catch (ObjectDisposedException) { }
    }

    private bool IsUrgent(string jobId, Pending pending) =>
        pending.Ended || !_written.TryGetValue(jobId, out var last) || last.QueuePosition != pending.QueuePosition || last.Running != pending.Running;

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            // Nothing pending: sleep until something is (a job waiting at fal costs no wake-ups); else look again soon
            // for values whose interval has passed.
            bool idle;
            lock (_gate) idle = _pending.Count == 0;
            try
            {
                if (idle) await _wake.WaitAsync(_stop.Token).ConfigureAwait(false);
                else await _wake.WaitAsync(TimeSpan.FromMilliseconds(Math.Min(200, _interval.TotalMilliseconds)), _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { break; }
            await FlushAsync(all: false).ConfigureAwait(false);
        }
        await FlushAsync(all: true).ConfigureAwait(false);
    }

    private async Task FlushAsync(bool all)
    {
        List<(string JobId, Pending Value)> due;
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            due = [.. _pending.Where(p => all || IsUrgent(p.Key, p.Value) || now - _written[p.Key].At >= _interval).Select(p => (p.Key, p.Value))];
            foreach (var (jobId, value) in due)
            {
                _pending.Remove(jobId);
                // What the store already shows (the same position and running, no new lines: fal's stream repeating the
                // queue position the submit answered with) is not written again.
                if (value.Logs.Count == 0 && _written.TryGetValue(jobId, out var last) && last.QueuePosition == value.QueuePosition && last.Running == value.Running)
                    value.Unchanged = true;
                if (value.Ended) _written.Remove(jobId);
                else if (!value.Unchanged) _written[jobId] = new Written(value.QueuePosition, value.Running, now);
            }
            due.RemoveAll(d => d.Value.Unchanged);
        }
        if (due.Count == 0) return;
        // One write for every job due: at a hundred jobs in flight, one commit a tick instead of one per job.
        try { await _store.RecordProgressAsync([.. due.Select(d => new JobProgress(d.JobId, d.Value.QueuePosition, d.Value.Running, d.Value.Logs))], CancellationToken.None).ConfigureAwait(false); }
        catch (Exception) { /* display only: a lost progress write must never fail a job */ }
    }

    /// <summary>Writes what is pending, then stops the background loop.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        _wake.Dispose();
    }

    private sealed class Pending
    {
        public required List<string> Logs { get; init; }
        public int? QueuePosition { get; set; }
        public bool Running { get; set; }
        public bool Seen { get; set; }
        public bool Ended { get; set; }
        public bool Unchanged { get; set; }
    }

    private sealed record Written(int? QueuePosition, bool Running, DateTimeOffset At);
}
