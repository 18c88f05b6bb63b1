using System.Text.Json;
using Catwalk.Quality;
using Catwalk.Quality.Fashion;

namespace Catwalk.Runs.Quality;

/// <summary>How metrics are stored (jobs.metrics_json): snake_case, the names of <see cref="MetricDefinitions"/>.</summary>
public static class MetricsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Serialize(VideoMetrics metrics) => JsonSerializer.Serialize(metrics, Options);

    /// <summary>A video's metrics; null when none are stored or they are a generated image's (only a <c>fashion</c> object).</summary>
    public static VideoMetrics? Deserialize(string? json)
    {
        if (json is null) return null;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("duration_sec", out _) ? document.RootElement.Deserialize<VideoMetrics>(Options) : null;
    }

    /// <summary>The fashion metrics stored for a video or a generated image (null when there are none).</summary>
    public static FashionMetrics? DeserializeFashion(string? json)
    {
        if (json is null) return null;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("fashion", out var fashion) && fashion.ValueKind == JsonValueKind.Object ? fashion.Deserialize<FashionMetrics>(Options) : null;
    }

    /// <summary>A generated image's stored metrics: its fashion metrics only (it has no pixel metrics).</summary>
    public static string SerializeImage(FashionMetrics fashion) => JsonSerializer.Serialize(new { fashion }, Options);
}
