using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Catwalk.Pipelines.Outputs;

/// <summary>The JSON form of metadata sidecars: snake_case like the original tool's files, indented, nulls kept out.</summary>
public static class MetadataJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static Task WriteAsync<T>(string path, T metadata, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAllTextAsync(path, JsonSerializer.Serialize(metadata, Options), cancellationToken);
}
