using System.Text.Json;
using System.Text.Json.Serialization;
using Catwalk.Pipelines.Outputs;
using Catwalk.Runs.Reports;

namespace Catwalk.Cli.Terminal;

/// <summary>Reports as JSON (snake_case), written atomically.</summary>
internal static class ReportFile
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(RunReport report) => JsonSerializer.Serialize(report, Options);

    public static Task WriteAsync(string path, RunReport report, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(Path.GetFullPath(path), Serialize(report), cancellationToken);
}
