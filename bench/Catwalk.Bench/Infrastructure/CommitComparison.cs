using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Catwalk.Bench.Infrastructure;

/// <summary>
/// This run beside the same suite run on an earlier commit on the same machine (<c>./bench.sh --baseline-commit REV</c>):
/// each number before and after, after/before, and whether it got better. CPU figures differ a lot between machines, so
/// a change is only judged against a baseline measured here, in the same session.
/// </summary>
public static class CommitComparison
{
    public static async Task WriteAsync(string folder, string baselineFile, string baselineCommit, IReadOnlyList<BenchResult> results)
    {
        var before = JsonNode.Parse(await File.ReadAllTextAsync(baselineFile))!.AsObject();
        var rows = new JsonArray();
        var md = new StringBuilder($"# Catwalk benchmarks: this commit against {baselineCommit}\n\n{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, same machine, one after the other\n\n");
        md.AppendLine("| measurement | before | after | after / before | better is | verdict |").AppendLine("|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            double? old = before[r.Name] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
            var ratio = old is > 0 ? Math.Round(r.Value / old.Value, 3) : (double?)null;
            var higher = HigherIsBetter(r.Name);
            var verdict = ratio is null ? "new" : Math.Abs(ratio.Value - 1) <= 0.03 ? "same (±3 %)" : (ratio > 1) == higher ? "better" : "**worse**";
            rows.Add(new JsonObject { ["name"] = r.Name, ["before"] = old, ["after"] = r.Value, ["ratio"] = ratio, ["higher_is_better"] = higher, ["verdict"] = verdict });
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{r.Name}` | {old?.ToString(CultureInfo.InvariantCulture) ?? "—"} | {r.Value} {r.Unit} | {ratio?.ToString(CultureInfo.InvariantCulture) ?? "—"} | {(higher ? "higher" : "lower")} | {verdict} |");
        }
        var json = new JsonObject { ["baseline_commit"] = baselineCommit, ["generated_at"] = DateTimeOffset.UtcNow.ToString("O"), ["rows"] = rows };
        await File.WriteAllTextAsync(Path.Combine(folder, "compare.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        await File.WriteAllTextAsync(Path.Combine(folder, "compare.md"), md.ToString());
    }

    /// <summary>Throughputs, fractions of the ideal and "seed over ours" ratios go up when things improve; times, bytes, CPU and memory go down.</summary>
    internal static bool HigherIsBetter(string name) =>
        name.Contains("per_s", StringComparison.Ordinal) || name.Contains("per_second", StringComparison.Ordinal)
        || name.Contains("fraction", StringComparison.Ordinal) || name.Contains("seed_over", StringComparison.Ordinal)
        || name.Contains("scaling", StringComparison.Ordinal);
}
