using Catwalk.Domain;
using Catwalk.Pipelines;
using Catwalk.Pipelines.Outputs;
using Catwalk.Runs.Journal;
using Catwalk.Runs.Planning;
using Catwalk.Runs.Specs;

namespace Catwalk.Runs.Execution;

/// <summary>A look's stage requests as a run asks for them, journalled: the same whether one process runs the whole run or workers run it job by job.</summary>
public static class StageRequests
{
    /// <param name="modelKey">The image model of this job (a run may compare several); null: the spec's one.</param>
    /// <param name="angle">The camera angle of this job, when the run asks for angles.</param>
    public static ImageStageRequest Image(RunSpec spec, LookSpec look, RunStamp stamp, string prompt, IReadOnlyList<ReferenceImage> references, StoreJobJournal journal, IRunObserver observer,
        string? modelKey = null, CameraAngle? angle = null) => new()
    {
        Prompt = prompt,
        References = references,
        ModelKey = modelKey ?? spec.ImageModelKeys()[0],
        Count = spec.ImageCount,
        AspectRatio = spec.ImageAspectRatio,
        Seed = spec.Seed,
        Run = stamp,
        Look = LookInfo.From(look.Person, look.Environment, look.Description) with { Angle = angle?.Word() },
        Progress = new JobProgressAdapter(journal, StageKind.Image, InputKeys.Image(look, angle), observer),
        Timeout = Timeout(spec),
        Journal = journal,
        InputKey = InputKeys.Image(look, angle),
        FileTag = InputKeys.ImageTag(spec, look, angle),
        UseCache = spec.UseCache,
    };

    /// <param name="imageModel">The image model whose image it animates, when the run compares several.</param>
    /// <param name="angle">The camera angle of that image, when the run asks for angles.</param>
    public static VideoStageRequest Video(RunSpec spec, LookSpec look, RunStamp stamp, string imagePath, string prompt, int? duration, IReadOnlyList<string> models, StoreJobJournal journal, IRunObserver observer,
        string? imageModel = null, CameraAngle? angle = null, bool turnaround = false) => new()
    {
        ImagePath = imagePath,
        Prompt = prompt,
        Models = models,
        Settings = spec.Video with { DurationSeconds = duration, Seed = spec.Video.Seed ?? spec.Seed },
        StrictSettings = spec.StrictDuration,
        Run = stamp,
        Look = LookInfo.From(look.Person, look.Environment, look.Description) with { Angle = angle?.Word(), ImageModel = imageModel },
        Progress = new JobProgressAdapter(journal, StageKind.Video, InputKeys.Video(look, duration, imageModel, angle, turnaround), observer),
        Timeout = Timeout(spec),
        Journal = journal,
        InputKey = InputKeys.Video(look, duration, imageModel, angle, turnaround),
        FileTag = InputKeys.VideoTag(spec, look, duration, imageModel, angle, turnaround),
        UseCache = spec.UseCache,
    };

    /// <summary>The look's image request with its reference files loaded (checked) and its prompt built.</summary>
    public static async Task<ImageStageRequest> ImageAsync(Prompts.PromptBuilder prompts, RunSpec spec, LookSpec look, RunStamp stamp, StoreJobJournal journal, IRunObserver observer, CancellationToken cancellationToken,
        string? modelKey = null, CameraAngle? angle = null)
    {
        var set = look.PersonImage is null ? null
            : await ReferenceImageLoader.LoadSetAsync(look.PersonImage, look.FaceImage, look.OutfitImages, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Image(spec, look, stamp, ImagePrompt(prompts, look, set, angle), set?.All ?? [], journal, observer, modelKey, angle);
    }

    /// <summary>
    /// One step of a try-on chain: <paramref name="person"/> (the look's person, or the step before's image) dressed in the
    /// step's garments, under the step's own input key and file tag.
    /// </summary>
    public static async Task<ImageStageRequest> TryOnAsync(Prompts.PromptBuilder prompts, RunSpec spec, LookSpec look, TryOnStep step, string person, RunStamp stamp, StoreJobJournal journal,
        IRunObserver observer, string modelKey, CancellationToken cancellationToken)
    {
        var garments = step.Garments.Select(i => look.OutfitImages[i]).ToList();
        var set = await ReferenceImageLoader.LoadSetAsync(person, null, garments, cancellationToken: cancellationToken).ConfigureAwait(false);
        var tag = InputKeys.ImageTag(spec, look);
        var stepTag = step.IsLast ? tag : string.Join("-", new[] { tag, step.InputKey[(step.InputKey.LastIndexOf('~') + 1)..] }.Where(t => t is not null));
        return Image(spec, look, stamp, ImagePrompt(prompts, look, set, null), set.All, journal, observer, modelKey) with
        {
            InputKey = step.InputKey, FileTag = stepTag, GarmentCategory = step.Category,
            Progress = new JobProgressAdapter(journal, StageKind.Image, step.InputKey, observer),
        };
    }

    /// <summary>The look's image prompt: the spec's own, else built from its references and attributes.</summary>
    private static string ImagePrompt(Prompts.PromptBuilder prompts, LookSpec look, ReferenceSet? references, CameraAngle? angle) =>
        look.ImagePrompt
        ?? (references is not null ? prompts.BuildImagePrompt(new LookRequest(references, look.Person, look.Environment, look.Description) { Angle = angle }) : null)
        ?? throw new InvalidInputException($"Look '{look.Id}' has neither reference images nor a prompt for its image.");

    private static TimeSpan? Timeout(RunSpec spec) => spec.TimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : null;
}
