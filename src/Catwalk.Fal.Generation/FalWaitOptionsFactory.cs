using Catwalk.Fal;
using Catwalk.Generation;

namespace Catwalk.Fal.Generation;

/// <summary>Builds fal wait options that report progress and hand the continuation to the journal before any waiting.</summary>
internal static class FalWaitOptionsFactory
{
    public static FalWaitOptions Create(string modelKey, IProgress<GenerationProgress>? progress, IGenerationJournal? journal, TimeSpan? timeout, GenerationContinuation? continuation = null)
    {
        var reporter = progress is null ? null : new FalProgressReporter(modelKey, progress);
        var resumeRequestId = continuation?.RequestId;
        if (resumeRequestId is null) progress?.Report(new GenerationProgress(modelKey, GenerationStage.Submitting, null, null, []));
        else
        {
            // A resumed request: already at fal, so progress starts from the queue with its id.
            if (reporter is not null) reporter.RequestId = resumeRequestId;
            progress?.Report(new GenerationProgress(modelKey, GenerationStage.Queued, resumeRequestId, null, []));
        }
        return new FalWaitOptions
        {
            Progress = reporter,
            Timeout = timeout,
            OnSubmitted = async (submission, ct) =>
            {
                if (reporter is not null) reporter.RequestId = submission.Request.RequestId;
                progress?.Report(new GenerationProgress(modelKey, GenerationStage.Queued, submission.Request.RequestId, submission.QueuePosition, []));
                if (journal is not null) await journal.SentAsync(new GenerationContinuation(submission.Request.RequestId, submission.SubmittedAt), ct).ConfigureAwait(false);
            },
        };
    }
}
