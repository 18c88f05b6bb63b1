using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Fal;
using Catwalk.Generation;

namespace Catwalk.Fal.Generation;

/// <summary>Any catalog image model on fal (Nano Banana edit with references, or text-to-image without).</summary>
public sealed class FalImageGenerator(ModelDescriptor model, IFalQueueClient client, FalConnection connection) : IImageGenerator
{
    public ModelDescriptor Model { get; } = !model.IsVideo ? model : throw new ArgumentException($"'{model.Key}' is not an image model.", nameof(model));

    public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ImageGenerationOptions();
        var arguments = Arguments(request, options);
        var wait = FalWaitOptionsFactory.Create(Model.Key, options.Progress, options.Journal, options.Timeout, options.Continuation);
        if (options.Continuation is null && options.Journal is { } journal) await journal.SendingAsync(arguments, cancellationToken).ConfigureAwait(false);
        var result = options.Continuation is { } continuation
            ? await client.WaitForResultAsync(new FalSubmission(new FalRequestHandle(Model.EndpointId, continuation.RequestId), null, continuation.SubmittedAt), wait, cancellationToken).ConfigureAwait(false)
            : await client.SubscribeAsync(Model.EndpointId, arguments, wait, cancellationToken).ConfigureAwait(false);
        return new ImageGenerationResponse
        {
            ModelKey = Model.Key,
            EndpointId = Model.EndpointId,
            RequestId = result.Request.RequestId,
            Images = FalResultReader.Images(result.Data, Model.EndpointId),
            Description = FalResultReader.Text(result.Data, "description"),
            Arguments = arguments,
            RawResponse = result.Data.Clone(),
            Seed = FalResultReader.Seed(result.Data) ?? options.Seed,
            Timings = new GenerationTimings(result.Timings.QueueWait, result.Timings.Inference, result.Timings.Total),
            Emulated = connection.Emulated,
        };
    }

    private JsonObject Arguments(ImageGenerationRequest request, ImageGenerationOptions options)
    {
        var inputs = Model.Inputs;
        var args = new JsonObject();
        if (inputs.Prompt is { } promptField) args[promptField] = request.Prompt;
        if (Model.TryOn is { } tryOn) TryOnArguments.Add(Model, tryOn, request, options, args);
        else if (inputs.Images is { } imagesField)
        {
            if (request.References.Count == 0)
                throw new UnsupportedSettingException(Model.Key, "references", $"{Model.DisplayName} ({Model.Key}) needs at least one reference image.");
            if (Model.ReferenceImages is { Max: var max } && request.References.Count > max)
                throw new UnsupportedSettingException(Model.Key, "references", $"{Model.DisplayName} ({Model.Key}) takes at most {max} reference images per call, not {request.References.Count}.");
            args[imagesField] = new JsonArray([.. request.References.Select(r => (JsonNode)r)]);
        }
        else if (request.References.Count > 0)
            throw new UnsupportedSettingException(Model.Key, "references", $"{Model.DisplayName} ({Model.Key}) takes no reference images; use an edit model.");
        if (options.GarmentCategory is not null && Model.TryOn is null)
            throw new UnsupportedSettingException(Model.Key, "garment category", $"{Model.DisplayName} ({Model.Key}) is not a try-on model; it takes no garment category.");
        if (inputs.Count is { } countField)
        {
            var max = (int)(Model.Field(countField)?.Maximum ?? 1);
            if (options.Count < 1 || options.Count > max)
                throw new UnsupportedSettingException(Model.Key, "count", $"{Model.DisplayName} makes 1 to {max} images per call, not {options.Count}.");
            args[countField] = options.Count;
        }
        if (options.AspectRatio is { } aspect && inputs.AspectRatio is { } aspectField)
        {
            if (!Model.AspectRatios.Contains(aspect))
                throw new UnsupportedSettingException(Model.Key, "aspect ratio", $"{Model.DisplayName} takes aspect ratios {string.Join(", ", Model.AspectRatios)}, not {aspect}.");
            args[aspectField] = aspect;
        }
        else if (options.AspectRatio is { } asked && inputs.ImageSize is { } sizeField && Model.ImageSizePresets.Count > 0)
        {
            // fal's image_size presets (portrait_16_9…) stand for aspect ratios; the catalog says which stands for which.
            if (!Model.ImageSizePresets.TryGetValue(asked, out var preset))
                throw new UnsupportedSettingException(Model.Key, "aspect ratio", $"{Model.DisplayName} takes aspect ratios {string.Join(", ", Model.ImageSizePresets.Keys)}, not {asked}.");
            args[sizeField] = preset;
        }
        if (options.Seed is { } seed && inputs.Seed is { } seedField) args[seedField] = seed;
        if (options.OutputFormat is { } format && inputs.OutputFormat is { } formatField) args[formatField] = format;
        foreach (var (name, value) in Model.FixedArguments) args[name] = value?.DeepClone();
        return args;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ModelDescriptor) ? Model
        : serviceType == typeof(FalConnection) ? connection
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() { }
}
