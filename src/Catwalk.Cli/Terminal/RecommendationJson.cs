using System.Text.Json;
using System.Text.Json.Serialization;
using Catwalk.Runs.Recommendation;

namespace Catwalk.Cli.Terminal;

/// <summary><c>recommend --json</c>: snake_case names and enum values.</summary>
internal static class RecommendationJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize(RecommendationReport report) => JsonSerializer.Serialize(report, Options);
}
