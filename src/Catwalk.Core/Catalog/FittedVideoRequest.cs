using System.Text.Json.Nodes;

namespace Catwalk.Catalog;

/// <summary>A generic request turned into one model's input: the exact arguments, the settings it runs with and what was changed.</summary>
public sealed record FittedVideoRequest(
    ModelDescriptor Model,
    JsonObject Arguments,
    ModelSettings Settings,
    DurationChoice Duration,
    IReadOnlyList<string> Adjustments);
