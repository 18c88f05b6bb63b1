using System.Text.Json;
using System.Text.Json.Serialization;

namespace Catwalk.Runs.Specs;

/// <summary>How a <see cref="RunSpec"/> is written into the store: snake_case, enums by name, so it stays readable.</summary>
public static class RunSpecJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize(RunSpec spec) => JsonSerializer.Serialize(spec, Options);

    public static RunSpec Deserialize(string json) =>
        JsonSerializer.Deserialize<RunSpec>(json, Options) ?? throw new JsonException("The stored run spec is empty.");
}
