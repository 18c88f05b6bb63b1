using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Emulator.Endpoints;

namespace Catwalk.Emulator.Platform;

/// <summary>One <c>models[]</c> item of <c>GET /v1/models</c>: the endpoint id, its registry metadata, and its OpenAPI when expanded.</summary>
internal static class ModelListing
{
    public static JsonObject For(ModelDescriptor model, EmulatorContext context, bool openApi, bool authenticated)
    {
        var item = new JsonObject
        {
            ["endpoint_id"] = model.EndpointId,
            ["metadata"] = new JsonObject
            {
                ["display_name"] = model.DisplayName,
                ["category"] = Category(model),
                ["description"] = Description(model),
                ["status"] = Status(model, context),
                ["tags"] = new JsonArray([.. Tags(model).Select(t => (JsonNode)t)]),
                ["updated_at"] = "2026-11-01T00:00:00Z",
                ["is_favorited"] = authenticated ? false : null,
                ["thumbnail_url"] = $"{context.BaseUri}files/thumbnails/{model.Key}.png",
                ["model_url"] = $"https://fal.run/{model.EndpointId}",
                ["date"] = "2026-01-01T00:00:00Z",
                ["highlighted"] = false,
                ["pinned"] = false,
                ["kind"] = "inference",
                ["duration_estimate"] = Math.Round((model.Latency.QueueSeconds + model.Latency.InferenceSeconds) / 60.0, 2),
            },
        };
        if (openApi) item["openapi"] = QueueOpenApi.For(model, context.BaseUri);
        return item;
    }

    public static string Category(ModelDescriptor model) => model.Kind switch
    {
        ModelKind.ImageToVideo => "image-to-video",
        ModelKind.ImageEdit => "image-to-image",
        _ => "text-to-image",
    };

    public static string Status(ModelDescriptor model, EmulatorContext context) =>
        context.Options.DeprecatedEndpoints.Contains(model.EndpointId) ? "deprecated" : "active";

    /// <summary>Text the search's <c>q</c> looks in: name, description, category, vendor and tags, as fal's search does.</summary>
    public static string SearchText(ModelDescriptor model) =>
        string.Join(' ', [model.EndpointId, model.DisplayName, Description(model), Category(model), .. Tags(model)]);

    private static string Description(ModelDescriptor model) =>
        $"{model.DisplayName}{(model.Vendor is { } v ? " by " + v : "")}: {Category(model).Replace('-', ' ')}"
        + (model.IsVideo && model.Duration is { } d ? $", {string.Join("/", d.AllowedValues())} s clips" : "") + ".";

    private static IEnumerable<string> Tags(ModelDescriptor model)
    {
        if (model.Vendor is { } vendor) yield return vendor.ToLowerInvariant();
        if (model.Audio.Generates) yield return "audio";
        if (model.IsVideo) yield return "video";
        if (model.IsTryOn) yield return "try-on";
    }
}
