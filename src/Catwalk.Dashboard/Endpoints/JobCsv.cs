using Catwalk.Domain;
using System.Globalization;
using Catwalk.Store;
using CsvHelper;

namespace Catwalk.Dashboard.Endpoints;

/// <summary>The per-job comparison as CSV (one header line, one line per job): who, what, how long (split), how much.</summary>
public static class JobCsv
{
    private static readonly (string Name, Func<JobRecord, string?> Value)[] Columns =
    [
        ("job_id", j => j.Id),
        ("run_id", j => j.RunId),
        ("stage", j => j.Stage.Name()),
        ("model", j => j.ModelKey),
        ("endpoint", j => j.EndpointId),
        ("input", j => j.InputKey),
        ("person", j => j.PersonId),
        ("outfit", j => j.OutfitId),
        ("state", j => JobStateMachine.Name(j.State)),
        ("created_at", j => DateTimeOffset.FromUnixTimeMilliseconds(j.CreatedAt).ToString("O", CultureInfo.InvariantCulture)),
        ("latency_sec", j => Number(j.LatencySec)),
        ("queue_sec", j => Number(j.QueueSec)),
        ("inference_sec", j => Number(j.InferenceSec)),
        ("download_sec", j => Number(j.DownloadSec)),
        ("duration_sec", j => Number(j.DurationSec)),
        ("cost_usd", j => j.CostUsd?.ToString(CultureInfo.InvariantCulture)),
        ("estimated_cost_usd", j => j.EstimatedCostUsd.ToString(CultureInfo.InvariantCulture)),
        ("reused", j => j.CachedFromJobId is null ? "false" : "true"),
        ("file", j => j.FilePath),
        ("error", j => j.Error),
    ];

    public static IReadOnlyList<string> Header => [.. Columns.Select(c => c.Name)];

    public static string Write(IEnumerable<JobRecord> jobs)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions(), true))
        {
            csv.WriteHeader([.. Header]);
            foreach (var job in jobs) csv.WriteRecord([.. Columns.Select(c => c.Value(job) ?? "")]);
        }
        return text.ToString();
    }

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
