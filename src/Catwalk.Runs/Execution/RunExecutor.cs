using Catwalk.Domain;
using Catwalk.Pipelines;
using Catwalk.Pipelines.Journal;
using Catwalk.Pipelines.Outputs;
using Catwalk.Prompts;
using Catwalk.Runs.Journal;
using Catwalk.Runs.Planning;
using Catwalk.Runs.Specs;
using Catwalk.Store;

namespace Catwalk.Runs.Execution;

/// <summary>
/// Runs every look of a run at once (the journal's gate bounds how many jobs are at fal): each look's image job,
/// then its video jobs for every duration and model. A look whose image fails stops alone; the rest carry on.
/// </summary>
public sealed class RunExecutor(ImagePipeline images, VideoPipeline videos, PromptBuilder prompts)
{
    public async Task<IReadOnlyList<LookOutcome>> ExecuteAsync(RunRecord run, RunSpec spec, StoreJobJournal journal, IRunObserver observer, CancellationToken cancellationToken)
    {
        var stamp = new RunStamp(run.Id, DateTimeOffset.FromUnixTimeMilliseconds(run.CreatedAt));
        return await Task.WhenAll(spec.Looks.Select(look => RunLookAsync(spec, look, stamp, journal, observer, cancellationToken))).ConfigureAwait(false);
    }

    private async Task<LookOutcome> RunLookAsync(RunSpec spec, LookSpec look, RunStamp stamp, StoreJobJournal journal, IRunObserver observer, CancellationToken cancellationToken)
    {
        ImageStageResult? image = null;
        string imagePath;
        if (look.StartImage is { } start) imagePath = start;
        else
        {
            try
            {
                var request = await StageRequests.ImageAsync(prompts, spec, look, stamp, journal, observer, cancellationToken).ConfigureAwait(false);
                image = await images.RunAsync(request, cancellationToken).ConfigureAwait(false);
                imagePath = image.Images[0].FullPath;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var why = e switch
                {
                    BudgetExceededException => e.Message,
                    JobSkippedException skipped => $"its image job {skipped.Status.ToString().ToLowerInvariant()}: {e.Message}",
                    _ => $"its image stage did not finish: {ErrorText.For(e)}",
                };
                // Over budget, or the image still running at fal past the timeout: the videos wait, planned, for a resume.
                var wait = e is BudgetExceededException || e.InnerException is Catwalk.Fal.FalTimeoutException;
                await HoldVideosAsync(journal, spec, look, why, failed: !wait, observer).ConfigureAwait(false);
                return new LookOutcome(look, null, [], why);
            }
        }
        if (spec.Models.Count == 0) return new LookOutcome(look, image, []);

        var prompt = spec.VideoPrompt ?? prompts.BuildVideoPrompt(look.Person, look.Environment, look.Description);
        var results = await Task.WhenAll(spec.Durations.Distinct().Select(duration =>
            videos.RunAsync(StageRequests.Video(spec, look, stamp, imagePath, prompt, duration, spec.Models, journal, observer), cancellationToken))).ConfigureAwait(false);
        return new LookOutcome(look, image, results);
    }

    /// <summary>
    /// The look has no image, so its videos cannot run: they fail with the reason (and reopen with
    /// <c>resume --retry-failed</c>), or, when the budget stopped it, stay planned for a later resume.
    /// </summary>
    private static async Task HoldVideosAsync(StoreJobJournal journal, RunSpec spec, LookSpec look, string why, bool failed, IRunObserver observer)
    {
        foreach (var duration in spec.Models.Count == 0 ? [] : spec.Durations.Distinct())
            foreach (var model in spec.Models)
            {
                if (journal.Find(StageKind.Video, model, InputKeys.Video(look, duration)) is not { } planned
                    || await journal.Store.GetJobAsync(planned.Id, CancellationToken.None).ConfigureAwait(false) is not { State: JobState.Planned } job) continue;
                if (failed && await journal.Store.MoveAsync(job.Id, JobState.Failed, new JobUpdate { Error = $"not run: {why}" }, CancellationToken.None).ConfigureAwait(false))
                    observer.Moved(job, JobPhase.Failed, why);
                else if (!failed) observer.Moved(job, JobPhase.Skipped, why);
            }
    }
}
