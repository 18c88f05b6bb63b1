using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Pipelines;
using Catwalk.Fal.Generation;
using Catwalk.Pipelines.Journal;
using Catwalk.Pipelines.References;
using Catwalk.Prompts;
using Catwalk.Runs.Execution;
using Catwalk.Runs.Gate;
using Catwalk.Runs.Journal;
using Catwalk.Runs.Planning;
using Catwalk.Store;

namespace Catwalk.Runs.Engine;

/// <summary>
/// Does one job of a run's graph, the same in one process and on a worker: judges its inputs (<see cref="InputRule"/>),
/// then runs its stage through the journalled pipeline. A job that ends as recorded (done, failed, unknown, held by the
/// budget, still at fal) returns; anything else (the database away mid-job) is thrown for the caller to decide.
/// </summary>
public sealed class JobEngine(ImagePipeline images, VideoPipeline videos, VideoJobRunner videoJobs, PromptBuilder prompts, ReferenceUploader uploader, ModelCatalog catalog)
{
    public async Task<JobRunResult> RunAsync(EngineRun run, JobRecord job, CancellationToken cancellationToken)
    {
        var verdict = await JudgeAsync(run, job, cancellationToken).ConfigureAwait(false);
        if (verdict.Readiness == InputReadiness.Ready && run.Spec.GateImage && verdict.Inputs is [{ Stage: StageKind.Image } image, ..])
            verdict = GateRule.Apply(verdict, await run.GateAsync(image, cancellationToken).ConfigureAwait(false));
        if (verdict.Readiness != InputReadiness.Ready)
        {
            // Read only here: a job that runs is read by its journal anyway, and this is every job's path.
            var current = await run.Store.GetJobAsync(job.Id, cancellationToken).ConfigureAwait(false) ?? job;
            // An ended job keeps how it ended; only one still to do is held or failed for its input.
            if (JobStateMachine.IsTerminal(current.State)) return JobRunResult.Without(current, current.Error ?? JobStateMachine.Name(current.State));
            if (verdict.Readiness == InputReadiness.Held) run.Observer.Moved(job, JobPhase.Skipped, verdict.Reason);
            else if (await run.Store.MoveAsync(job.Id, JobState.Failed, new JobUpdate { Error = verdict.Reason }, CancellationToken.None).ConfigureAwait(false))
                run.Observer.Moved(job, JobPhase.Failed, verdict.Reason);
            return JobRunResult.Without(current, verdict.Reason!);
        }
        try
        {
            return job.Stage switch
            {
                StageKind.Image => await RunImageAsync(run, job, verdict.Inputs, cancellationToken).ConfigureAwait(false),
                StageKind.Video => await RunVideoAsync(run, job, verdict.Inputs, cancellationToken).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"No stage runs {job.Stage} jobs."),
            };
        }
        catch (Exception e) when (e is InvalidInputException or UnsupportedSettingException && !cancellationToken.IsCancellationRequested)
        {
            // The run asks for something that cannot be done (a file gone, a setting the model refuses): retrying will not help.
            if (await run.Store.MoveAsync(job.Id, JobState.Failed, new JobUpdate { Error = e.Message }, CancellationToken.None).ConfigureAwait(false))
                run.Observer.Moved(job, JobPhase.Failed, e.Message);
            return JobRunResult.Without(job, e.Message);
        }
    }

    private static async Task<InputVerdict> JudgeAsync(EngineRun run, JobRecord job, CancellationToken cancellationToken)
    {
        var ids = JobGraph.InputsOf(job);
        var inputs = new JobRecord?[ids.Count];
        for (var i = 0; i < ids.Count; i++) inputs[i] = await run.Store.GetJobAsync(ids[i], cancellationToken).ConfigureAwait(false);
        return InputRule.Judge(ids, inputs);
    }

    private async Task<JobRunResult> RunImageAsync(EngineRun run, JobRecord job, IReadOnlyList<JobRecord> inputs, CancellationToken cancellationToken)
    {
        var look = run.Look(job);
        var angle = InputKeys.AngleOf(run.Spec, job.InputKey);
        // A try-on model's job is one step of a chain: it dresses the step's garments onto the step before's image.
        var step = TryOnChain.StepOf(look, catalog.Get(job.ModelKey), angle, job.InputKey);
        var request = step is null
            ? await StageRequests.ImageAsync(prompts, run.Spec, look, run.Stamp, run.Journal, run.Observer, cancellationToken, job.ModelKey, angle).ConfigureAwait(false)
            : await StageRequests.TryOnAsync(prompts, run.Spec, look, step, PersonFor(run, look, inputs), run.Stamp, run.Journal, run.Observer, job.ModelKey, cancellationToken).ConfigureAwait(false);
        // Ended as the journal recorded it (failed, unknown), or held (over budget: planned; past the timeout: still at
        // fal): its dependents read that from the store.
        var attempt = await images.AttemptAsync(request, cancellationToken).ConfigureAwait(false);
        if (attempt.Result is not { } image) return JobRunResult.Without(job, attempt.Error!);
        // Gated as soon as it is downloaded, so the verdict is stored and shown with the image, not only on its videos
        // (a try-on chain's dressed image is its last step's).
        var gate = run.Spec.GateImage && step is null or { IsLast: true } && await run.Store.GetJobAsync(job.Id, cancellationToken).ConfigureAwait(false) is { } downloaded
            ? await run.GateAsync(downloaded, cancellationToken).ConfigureAwait(false) : null;
        return new JobRunResult(job) { Image = image, Gate = gate };
    }

    /// <summary>The picture a try-on step dresses: the step before's image (sent back as fal's own URL), else the look's person.</summary>
    private string PersonFor(EngineRun run, Specs.LookSpec look, IReadOnlyList<JobRecord> inputs)
    {
        if (inputs is not [{ FilePath: { } file } previous, ..]) return look.PersonImage ?? throw new InvalidInputException($"Look '{look.Id}' has no person picture to dress.");
        if (previous is { FileSha256: { } sha, ResultJson: { } result } && FalResultReader.FirstImageUrl(result) is { } url) uploader.Remember(sha, url);
        return Path.Combine(run.Record.OutputRoot, file);
    }

    private async Task<JobRunResult> RunVideoAsync(EngineRun run, JobRecord job, IReadOnlyList<JobRecord> inputs, CancellationToken cancellationToken)
    {
        var (spec, look) = (run.Spec, run.Look(job));
        var framePath = look.StartImage
            ?? (inputs is [{ FilePath: { } file }, ..] ? Path.Combine(run.Record.OutputRoot, file) : throw new InvalidOperationException($"Video job {job.Id} has neither an input job nor a picture to start from."));
        // An image fal made is sent back as fal's own URL: no upload, whichever process downloaded it.
        if (inputs is [{ FileSha256: { } sha, ResultJson: { } result }, ..] && FalResultReader.FirstImageUrl(result) is { } url) uploader.Remember(sha, url);
        var turnaround = InputKeys.IsTurnaround(job.InputKey);
        var prompt = turnaround ? prompts.BuildTurnaroundPrompt(look.Person, look.Environment) : spec.VideoPrompt ?? prompts.BuildVideoPrompt(look.Person, look.Environment, look.Description);
        var duration = job.RequestedDuration;
        var settings = spec.Video with { DurationSeconds = duration, Seed = spec.Video.Seed ?? spec.Seed };
        var policy = run.PolicyFor(duration, () => videos.Plan(spec.Models, settings, spec.StrictDuration).Policy);
        var item = videos.Plan([job.ModelKey], settings, spec.StrictDuration, prompt, policy).Items.Single();
        var frame = await run.FrameAsync(framePath, cancellationToken).ConfigureAwait(false);
        var input = inputs is [{ Stage: StageKind.Image } image, ..] ? image : null;
        var imageModel = spec.ComparesImageModels ? input?.ModelKey : null;
        var angle = input is null ? null : InputKeys.AngleOf(spec, input.InputKey);
        var request = StageRequests.Video(spec, look, run.Stamp, framePath, prompt, duration, [job.ModelKey], run.Journal, run.Observer, imageModel, angle, turnaround) with { FitPolicy = policy };
        var context = new VideoJobContext(request, run.Stamp, frame, policy, () => uploader.UrlForAsync(frame, cancellationToken));
        return new JobRunResult(job) { Video = await videoJobs.RunAsync(item, context, cancellationToken).ConfigureAwait(false), FramePath = framePath };
    }
}
