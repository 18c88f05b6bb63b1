using Catwalk.Pipelines;
using Catwalk.Runs.Execution;
using Catwalk.Store;

namespace Catwalk.Runs.Engine;

/// <summary>
/// The engine in one process: every job of the graph starts as soon as the jobs it consumes have ended this attempt
/// (the journal's gate bounds how many are at fal), and the engine decides what each does. A job that throws (the
/// database away mid-job) ends its attempt with the error; its dependents are judged from what is stored.
/// </summary>
public sealed class LocalScheduler(JobEngine engine)
{
    public async Task<IReadOnlyList<JobRunResult>> RunAsync(EngineRun run, JobGraph graph, CancellationToken cancellationToken)
    {
        var started = new Dictionary<string, Task<JobRunResult>>(StringComparer.Ordinal);
        Task<JobRunResult> Start(JobRecord job)
        {
            lock (started)
            {
                if (!started.TryGetValue(job.Id, out var task)) started[job.Id] = task = RunAfterInputsAsync(job);
                return task;
            }
        }
        async Task<JobRunResult> RunAfterInputsAsync(JobRecord job)
        {
            await Task.Yield(); // every job of the graph is started before any runs
            foreach (var input in JobGraph.InputsOf(job))
                if (graph.Find(input) is { } inputJob) await Start(inputJob).ConfigureAwait(false);
            try
            {
                return await engine.RunAsync(run, job, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var error = ErrorText.For(e);
                run.Observer.Moved(job, JobPhase.Failed, error);
                return JobRunResult.Without(job, error);
            }
        }
        return await Task.WhenAll(graph.Jobs.Select(Start)).ConfigureAwait(false);
    }
}
