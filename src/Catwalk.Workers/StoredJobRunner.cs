using System.Text.Json;
using Catwalk.Domain;
using Catwalk.Pipelines;
using Catwalk.Pipelines.Journal;
using Catwalk.Pipelines.Outputs;
using Catwalk.Pipelines.References;
using Catwalk.Prompts;
using Catwalk.Runs;
using Catwalk.Runs.Execution;
using Catwalk.Runs.Journal;
using Catwalk.Runs.Planning;
using Catwalk.Runs.Quality;
using Catwalk.Runs.Specs;
using Catwalk.Store;
using Catwalk.Telemetry;
using Microsoft.Extensions.Logging;

namespace Catwalk.Workers;

/// <summary>
/// Does one stored job of a run, as a worker: takes the job's slot in the store (so no other worker touches it and the
/// run's limits hold across workers), then runs the same journalled pipeline a single process would — a job fal
/// already has is collected by its request id, one that may be at fal is never sent again.
/// </summary>
public sealed class StoredJobRunner(
    IRunStore store, ImagePipeline images, VideoPipeline videos, PromptBuilder prompts, ReferenceUploader uploader,
    WorkerIdentity worker, WorkerStats stats, WorkerShutdown shutdown, TimeProvider time, ILogger<StoredJobRunner> log)
{
    /// <summary>
    /// The jobs each worker (by name) has in hand in this process. A slot keeps other workers off a job, but a worker's
    /// own threads share its name: without this, the thread collecting a dead worker's job and the thread Hangfire hands
    /// that job's queue entry to could both follow it, and the one that lost the race failed a job that had succeeded.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Worker, string Job), byte> InHand = new();

    /// <summary>Runs the job to an end state (or leaves it planned when the budget or its image holds it); returns its state.</summary>
    public async Task<JobState> RunAsync(string runId, string jobId, CancellationToken cancellationToken)
    {
        if (!InHand.TryAdd((worker.Name, jobId), 0))
            throw new JobHeldElsewhereException(await store.GetJobAsync(jobId, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"Job {jobId} is not in the store."),
                $"{worker.Name} (another of its threads)");
        try
        {
            return await RunHeldAsync(runId, jobId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            InHand.TryRemove((worker.Name, jobId), out _);
        }
    }

    private async Task<JobState> RunHeldAsync(string runId, string jobId, CancellationToken cancellationToken)
    {
        // A worker's unit of work: its job's span (and the metrics after it) nest under this one, tagged with the run.
        // In the run's trace (its id is the run id), whichever worker does the job.
        using var span = CatwalkTelemetry.Source.StartActivity("worker_job", System.Diagnostics.ActivityKind.Internal, CatwalkTelemetry.RunContext(runId))
            ?.SetTag(CatwalkTags.RunId, runId).SetTag(CatwalkTags.JobId, jobId).SetTag("catwalk.worker", worker.Name);
        var state = await RunJobAsync(runId, jobId, cancellationToken).ConfigureAwait(false);
        span?.SetTag(CatwalkTags.JobState, state.ToString().ToLowerInvariant());
        return state;
    }

    private async Task<JobState> RunJobAsync(string runId, string jobId, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        var job = await store.GetJobAsync(jobId, cancellationToken).ConfigureAwait(false);
        if (run is null || job is null || job.RunId != run.Id)
        {
            log.LogWarning("Job {Job} of run {Run} is not in the store; nothing to do.", jobId, runId);
            return JobState.Failed;
        }
        if (JobStateMachine.IsTerminal(job.State)) return job.State;
        if (run.Emulated != worker.Emulated)
            throw new InvalidOperationException($"Run {run.Id} was made {(run.Emulated ? "for the emulator" : "for fal")}; this worker calls {(worker.Emulated ? "an emulator" : "fal")}, so it leaves the job alone.");

        var spec = RunService.SpecOf(run);
        var look = spec.Looks.FirstOrDefault(l => l.Id == job.LookId)
            ?? throw new InvalidOperationException($"Run {run.Id} has no look '{job.LookId}' for job {job.Id}.");
        var gate = new StoreJobGate(store, worker.Name, Math.Max(1, spec.PerEndpointConcurrency), spec.BudgetUsd, worker.SlotTimeToLive, time)
        {
            MaxWait = worker.EndpointWait,
        };
        // The job's slot first: from here on this worker alone works on the job, until it ends or this worker dies.
        await using (await ClaimAsync(gate, job, cancellationToken).ConfigureAwait(false))
        {
            job = await store.GetJobAsync(jobId, cancellationToken).ConfigureAwait(false) ?? job;
            if (JobStateMachine.IsTerminal(job.State)) return job.State;
            await using var progress = new StoreProgressObserver(store, null, time);
            var journal = new StoreJobJournal(store, [job], gate, progress, time, cancellationToken);
            // Files go to the run's own folder (as one process would have written them), not this worker's --out.
            var stamp = new RunStamp(run.Id, DateTimeOffset.FromUnixTimeMilliseconds(run.CreatedAt)) { OutputRoot = run.OutputRoot };
            try
            {
                if (job.Stage == StageKind.Image) await RunImageAsync(spec, look, stamp, journal, progress, cancellationToken).ConfigureAwait(false);
                else await RunVideoAsync(run, spec, look, job, stamp, journal, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidInputException or Catalog.UnsupportedSettingException && !cancellationToken.IsCancellationRequested)
            {
                // The run asks for something that cannot be done (a file gone, a setting the model refuses): retrying will not help.
                if (await store.MoveAsync(job.Id, JobState.Failed, new JobUpdate { Error = e.Message }, CancellationToken.None).ConfigureAwait(false))
                    progress.Moved(job, JobPhase.Failed, e.Message);
            }
        }
        var final = await store.GetJobAsync(jobId, CancellationToken.None).ConfigureAwait(false) ?? job;
        // The worker is stopping and the job did not end: thrown, so Hangfire puts it back on the queue at once (a normal
        // return would mark it done and strand it). The next worker collects a job already at fal by its request id.
        if (cancellationToken.IsCancellationRequested && shutdown.IsStopping && !JobStateMachine.IsTerminal(final.State))
            throw new OperationCanceledException($"Job {final.Id} handed back ({final.State.ToString().ToLowerInvariant()}): this worker is stopping.", cancellationToken);
        if (final is { State: JobState.Downloaded, Stage: StageKind.Video or StageKind.Image, CachedFromJobId: null } && spec.Metrics)
            await MeasureAsync(final, run.OutputRoot, spec, cancellationToken).ConfigureAwait(false);
        await FinishRunIfDoneAsync(run.Id).ConfigureAwait(false);
        stats.Record(final.State);
        return final.State;
    }

    /// <summary>
    /// Takes the job's slot. When its endpoint stays full, it may be full of jobs a dead worker left at fal, whose own
    /// queue entries Hangfire hands out last (after every fresh one): this worker collects one of them now, by request
    /// id, then gives its own job back to the queue.
    /// </summary>
    private async Task<IJobSlot> ClaimAsync(StoreJobGate gate, JobRecord job, CancellationToken cancellationToken)
    {
        try
        {
            return await gate.AcquireAsync(job, 0, cancellationToken).ConfigureAwait(false);
        }
        catch (EndpointBusyException)
        {
            foreach (var orphan in await store.ListOrphanedSlotsAsync(job.EndpointId, cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    log.LogInformation("Collecting job {Job} that {Owner} left at fal.", orphan.JobId, orphan.Owner);
                    await RunAsync(orphan.RunId, orphan.JobId, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (Exception e) when (e is JobHeldElsewhereException or EndpointBusyException)
                {
                    // Another worker got to it first: try the next one.
                }
            }
            throw;
        }
    }

    private async Task RunImageAsync(RunSpec spec, LookSpec look, RunStamp stamp, StoreJobJournal journal, IRunObserver observer, CancellationToken cancellationToken)
    {
        try
        {
            var request = await StageRequests.ImageAsync(prompts, spec, look, stamp, journal, observer, cancellationToken).ConfigureAwait(false);
            await images.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not (JobHeldElsewhereException or InvalidInputException))
        {
            // Ended as recorded (failed, unknown; planned when over budget): its videos read that from the store. Anything
            // else (the database away mid-job) is thrown for Hangfire to retry; the retry goes on from what is stored.
            var job = journal.Find(StageKind.Image, spec.ImageModel ?? ImagePipeline.EditModel, InputKeys.Image(look));
            var state = job is null ? (JobState?)null : (await store.GetJobAsync(job.Id, CancellationToken.None).ConfigureAwait(false))?.State;
            if (state is not { } s || !(JobStateMachine.IsTerminal(s) || e is BudgetExceededException)) throw;
            log.LogInformation("Image job for look {Look} ended {State}: {Error}", look.Id, s, ErrorText.For(e));
        }
    }

    private async Task RunVideoAsync(RunRecord run, RunSpec spec, LookSpec look, JobRecord job, RunStamp stamp, StoreJobJournal journal, IRunObserver observer, CancellationToken cancellationToken)
    {
        string imagePath;
        if (look.StartImage is { } start) imagePath = start;
        else
        {
            var image = (await store.QueryJobsAsync(new JobQuery { RunId = run.Id, Stage = StageKind.Image, InputKey = InputKeys.Image(look) }, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            switch (image)
            {
                case { State: JobState.Downloaded, FilePath: { } file }:
                    imagePath = Path.Combine(run.OutputRoot, file);
                    RememberFalUrl(image);
                    break;
                case { State: JobState.Failed or JobState.Cancelled or JobState.Unknown }:
                    var why = $"not run: its image job {image.State.ToString().ToLowerInvariant()}: {image.Error}";
                    if (await store.MoveAsync(job.Id, JobState.Failed, new JobUpdate { Error = why }, CancellationToken.None).ConfigureAwait(false))
                        observer.Moved(job, JobPhase.Failed, why);
                    return;
                default:
                    // Its image was held (budget) or is still at fal past the timeout: the video waits, planned, for `catwalk resume`.
                    log.LogInformation("Video job {Job} waits: its image job is {State}.", job.Id, image?.State.ToString() ?? "missing");
                    observer.Moved(job, JobPhase.Skipped, "waiting for its image");
                    return;
            }
        }
        var prompt = spec.VideoPrompt ?? prompts.BuildVideoPrompt(look.Person, look.Environment, look.Description);
        // Fitted as the whole run was planned (one model of several fits to the nearest duration, as in one process).
        var policy = videos.Plan(spec.Models, spec.Video with { DurationSeconds = job.RequestedDuration }, spec.StrictDuration).Policy;
        var request = StageRequests.Video(spec, look, stamp, imagePath, prompt, job.RequestedDuration, [job.ModelKey], journal, observer) with { FitPolicy = policy };
        await videos.RunAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The image another worker made is sent to the video models as fal's own URL, as in one process: no upload again.</summary>
    private void RememberFalUrl(JobRecord image)
    {
        if (image.FileSha256 is not { } sha || image.ResultJson is not { } json) return;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.TryGetProperty("images", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
                && list[0].TryGetProperty("url", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri))
                uploader.Remember(sha, uri);
        }
        catch (JsonException)
        {
            // Not fal's usual shape: the image is uploaded instead.
        }
    }

    private async Task MeasureAsync(JobRecord job, string outputRoot, RunSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            await MetricsRecorder.MeasureAsync(store, job, outputRoot, cancellationToken, spec).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Metrics for job {Job} failed: {Error}", job.Id, e.Message); // a saved video is never failed by its metrics
        }
    }

    /// <summary>The worker that ends a run's last job marks the run finished. Counted in the database: a job's end never reads the whole run.</summary>
    private async Task FinishRunIfDoneAsync(string runId)
    {
        if (await store.CountUnfinishedJobsAsync(runId, CancellationToken.None).ConfigureAwait(false) > 0) return;
        var jobs = await store.GetJobsAsync(runId, CancellationToken.None).ConfigureAwait(false);
        await store.UpdateRunAsync(runId, RunStatus.From(jobs.Select(j => j.State)), finished: true, CancellationToken.None).ConfigureAwait(false);
    }
}
