using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Fal;

namespace Catwalk.Pipelines.Outputs;

/// <summary>Copies JSON for metadata with inline data URIs shortened, so sidecars stay small and carry no embedded media.</summary>
internal static class ElidedJson
{
    public static JsonNode From(JsonObject node) => FalDataUri.ElideDataUris(node.DeepClone())!;

    public static JsonNode? From(JsonElement element) => FalDataUri.ElideDataUris(JsonNode.Parse(element.GetRawText()));
}
