using Catwalk.Pipelines.Outputs;
using Catwalk.Prompts;

namespace Catwalk.Pipelines;

/// <summary>
/// <c>catwalk run</c>: the image stage once, then its image (uploaded once) fans out to every chosen video model.
/// The video settings are checked for all models first, so a bad duration costs nothing, not even the image.
/// </summary>
public sealed class LookToVideoPipeline(ImagePipeline images, VideoPipeline videos, PromptBuilder prompts, TimeProvider time)
{
    public async Task<LookRunResult> RunAsync(LookRunRequest request, CancellationToken cancellationToken = default)
    {
        var videoPrompt = request.VideoPrompt ?? prompts.BuildVideoPrompt(request.Look);
        videos.Plan(request.Models, request.Settings, request.StrictSettings, videoPrompt); // refuses before any spend
        var run = RunStamp.New(time);
        var look = LookInfo.From(request.Look);
        var image = await images.RunAsync(new ImageStageRequest
        {
            Prompt = prompts.BuildImagePrompt(request.Look),
            References = request.Look.References.All,
            AspectRatio = request.ImageAspectRatio,
            Seed = request.Seed,
            Run = run,
            Look = look,
            Progress = request.Progress,
            Timeout = request.Timeout,
        }, cancellationToken).ConfigureAwait(false);

        var result = await videos.RunAsync(new VideoStageRequest
        {
            ImagePath = image.Images[0].FullPath,
            Prompt = videoPrompt,
            Models = request.Models,
            Settings = request.Settings with { Seed = request.Settings.Seed ?? request.Seed },
            StrictSettings = request.StrictSettings,
            Run = run,
            Look = look,
            Progress = request.Progress,
            Timeout = request.Timeout,
        }, cancellationToken).ConfigureAwait(false);
        return new LookRunResult(image, result);
    }
}
