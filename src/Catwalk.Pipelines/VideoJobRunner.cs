using Catwalk.Fal;
using Catwalk.Generation;
using Catwalk.Pipelines.Journal;
using Catwalk.Pipelines.Outputs;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Pipelines;

/// <summary>
/// One model's video job, as one journalled job (<see cref="JournalledJob"/>): reuse a saved or cached result, or
/// collect an earlier request by its id, or submit, then download, verify and describe the video. Failures end this job only.
/// </summary>
public sealed class VideoJobRunner(IServiceProvider services, IFalMediaDownloader downloader, OutputLayout layout, JournalledJob jobs)
{
    public async Task<VideoModelOutcome> RunAsync(PlannedVideo item, VideoJobContext context, CancellationToken cancellationToken)
    {
        var stage = new VideoJobStage(item, context, services.GetRequiredKeyedService<IVideoGenerator>(item.Model.Key), downloader, layout);
        var attempt = await jobs.RunAsync(stage, context.Request.Journal, cancellationToken).ConfigureAwait(false);
        return attempt.Result ?? new VideoModelOutcome(item, attempt.Status) { RequestId = attempt.RequestId, Error = attempt.Error };
    }
}
