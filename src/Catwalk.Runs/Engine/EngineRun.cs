using System.Collections.Concurrent;
using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Pipelines.Outputs;
using Catwalk.Runs.Execution;
using Catwalk.Runs.Gate;
using Catwalk.Runs.Journal;
using Catwalk.Runs.Specs;
using Catwalk.Store;

namespace Catwalk.Runs.Engine;

/// <summary>
/// One attempt at a stored run, as the engine sees it: the run, its spec, its journal and observer, and what its jobs
/// share (a look's first frame read once, each duration's fit policy decided once) — whether one process runs every
/// job or a worker runs one.
/// </summary>
public sealed class EngineRun(RunRecord record, RunSpec spec, StoreJobJournal journal, IRunObserver observer)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ReferenceImage>>> _frames = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, FitPolicy> _policies = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<ImageGateVerdict>>> _gates = new(StringComparer.Ordinal);

    public RunRecord Record { get; } = record;
    public RunSpec Spec { get; } = spec;
    public StoreJobJournal Journal { get; } = journal;
    public IRunObserver Observer { get; } = observer;
    public IRunJobStore Store => Journal.Store;

    /// <summary>Files go to the run's own folder (as one process wrote them), whichever process does the job.</summary>
    public RunStamp Stamp { get; } = new(record.Id, DateTimeOffset.FromUnixTimeMilliseconds(record.CreatedAt)) { OutputRoot = record.OutputRoot };

    public LookSpec Look(JobRecord job) => Spec.Looks.FirstOrDefault(l => l.Id == job.LookId)
        ?? throw new InvalidOperationException($"Run {Record.Id} has no look '{job.LookId}' for job {job.Id}.");

    /// <summary>A video's first frame, read and checked once for all the models that animate it.</summary>
    public Task<ReferenceImage> FrameAsync(string path, CancellationToken cancellationToken) =>
        _frames.GetOrAdd(path, p => new Lazy<Task<ReferenceImage>>(() => ReferenceImageLoader.LoadAsync(ReferenceRole.StartFrame, p, cancellationToken: cancellationToken))).Value;

    /// <summary>How a duration's settings are fitted: as the whole run was planned, so one model of several fits to the nearest value.</summary>
    public FitPolicy PolicyFor(int? duration, Func<FitPolicy> decide) => _policies.GetOrAdd(duration ?? 0, _ => decide());

    /// <summary>
    /// The image gate's verdict on a downloaded image, measured once for all the videos made from it in this process (a
    /// worker or a resume reads what was stored). Not kept when it could not measure, so the next video asks again.
    /// </summary>
    public async Task<ImageGateVerdict> GateAsync(JobRecord image, CancellationToken cancellationToken)
    {
        var pending = _gates.GetOrAdd(image.Id, _ => new Lazy<Task<ImageGateVerdict>>(() => ImageGateCheck.RunAsync(Store, image, Record.OutputRoot, Spec, cancellationToken)));
        try
        {
            var verdict = await pending.Value.ConfigureAwait(false);
            if (verdict.Outcome == ImageGateOutcome.Unmeasured) _gates.TryRemove(new(image.Id, pending));
            return verdict;
        }
        catch
        {
            _gates.TryRemove(new(image.Id, pending));
            throw;
        }
    }
}
