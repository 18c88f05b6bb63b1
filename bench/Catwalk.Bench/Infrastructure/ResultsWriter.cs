using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Catwalk.Bench.Infrastructure;

/// <summary>Writes the suite's results as JSON (each number by its name, plus details and the machine) and a Markdown table.</summary>
public static class ResultsWriter
{
    public static async Task WriteAsync(string folder, IReadOnlyList<BenchResult> results, TimeSpan elapsed, bool quick)
    {
        Directory.CreateDirectory(folder);
        var json = new JsonObject
        {
            ["generated_at"] = DateTimeOffset.UtcNow.ToString("O"),
            ["quick"] = quick,
            ["elapsed_seconds"] = Math.Round(elapsed.TotalSeconds, 1),
            ["machine"] = new JsonObject
            {
                ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
                ["cpus"] = Environment.ProcessorCount,
                ["memory_gb"] = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9, 1),
                ["dotnet"] = Environment.Version.ToString(),
            },
        };
        foreach (var r in results) json[r.Name] = r.Value;
        json["details"] = JsonSerializer.SerializeToNode(results, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        var text = json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        await File.WriteAllTextAsync(Path.Combine(folder, "latest.json"), text);

        var md = new StringBuilder($"# Catwalk benchmarks\n\n{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs, {elapsed.TotalSeconds:0} s{(quick ? " (quick)" : "")}\n\n");
        md.AppendLine("| measurement | value | baseline | target | met | what |").AppendLine("|---|---|---|---|---|---|");
        foreach (var r in results)
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{r.Name}` | {r.Value} {r.Unit} | {(r.Baseline is { } b ? $"{b} ({r.BaselineDescription})" : "")} | {r.Target} | {(r.MeetsTarget is { } m ? (m ? "yes" : "**no**") : "")} | {r.Description} |");
        await File.WriteAllTextAsync(Path.Combine(folder, "latest.md"), md.ToString());
    }
}
