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

    /// <summary>Writes the sidecar atomically and returns its text, which the store keeps as well (serialised once).</summary>
    public static async Task<string> WriteAsync<T>(string path, T metadata, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(metadata, Options);
        await AtomicFile.WriteAllTextAsync(path, json, cancellationToken).ConfigureAwait(false);
        return json;
    }
}
