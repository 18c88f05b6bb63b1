using System.Text.Json;
using Catwalk.Quality;

namespace Catwalk.Runs.Quality;

/// <summary>How metrics are stored (jobs.metrics_json): snake_case, the names of <see cref="MetricDefinitions"/>.</summary>
public static class MetricsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Serialize(VideoMetrics metrics) => JsonSerializer.Serialize(metrics, Options);

    public static VideoMetrics? Deserialize(string? json) => json is null ? null : JsonSerializer.Deserialize<VideoMetrics>(json, Options);
}
