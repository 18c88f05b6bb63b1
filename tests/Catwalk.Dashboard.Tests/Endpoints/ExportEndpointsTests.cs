using System.Net;
using System.Text.Json;
using Catwalk.Dashboard.Endpoints;
using Catwalk.Dashboard.Tests.Support;
using CsvHelper;

namespace Catwalk.Dashboard.Tests.Endpoints;

public sealed class ExportEndpointsTests : IAsyncLifetime
{
    private SeededDashboard _dashboard = null!;

    public async Task InitializeAsync() => _dashboard = await SeededDashboard.StartAsync();
    public async Task DisposeAsync() => await _dashboard.DisposeAsync();

    [Fact]
    public async Task Csv_has_one_row_per_stored_job_with_its_latency_and_cost()
    {
        using var response = await _dashboard.Http.GetAsync("export.csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var rows = Parse(await response.Content.ReadAsStringAsync());
        rows.Count.ShouldBe(_dashboard.Jobs.Count);
        foreach (var job in _dashboard.Jobs)
        {
            var row = rows.Single(r => r["job_id"] == job.Id);
            row["model"].ShouldBe(job.ModelKey);
            row["run_id"].ShouldBe(job.RunId);
            row["latency_sec"].ShouldBe(job.LatencySec is { } l ? l.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "");
            (row["cost_usd"] is { Length: > 0 } c ? decimal.Parse(c, System.Globalization.CultureInfo.InvariantCulture) : (decimal?)null).ShouldBe(job.CostUsd);
        }
        rows.Single(r => r["job_id"] == "job-kling")["outfit"].ShouldBe("red-dress");
    }

    [Fact]
    public async Task Csv_and_json_honour_the_filters()
    {
        var csv = Parse(await _dashboard.Http.GetStringAsync("export.csv?model=veo3&from=2025-03-14&to=2025-03-14"));
        csv.Select(r => r["job_id"]).ShouldBe(["job-veo3"]);
        Parse(await _dashboard.Http.GetStringAsync($"export.csv?run={SeededDashboard.OldRunId}")).Select(r => r["job_id"]).ShouldBe(["job-old"]);
        Parse(await _dashboard.Http.GetStringAsync("export.csv?to=2024-12-31")).Select(r => r["job_id"]).ShouldBe(["job-old"]);

        using var json = JsonDocument.Parse(await _dashboard.Http.GetStringAsync($"export.json?run={SeededDashboard.RunId}"));
        json.RootElement.GetProperty("jobs").GetInt32().ShouldBe(5);
        var models = json.RootElement.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("modelKey").GetString()!);
        models["veo3"].GetProperty("costUsd").GetDecimal().ShouldBe(0.5m);
        models["kling"].GetProperty("latency").GetProperty("avg").GetDouble().ShouldBe(20);
        models["luma"].GetProperty("failed").GetInt32().ShouldBe(1);
    }

    private static List<Dictionary<string, string>> Parse(string text)
    {
        using var reader = CsvReader.FromText(text, new CsvReaderOptions());
        var header = reader.Headers.ToList();
        header.ShouldBe(JobCsv.Header);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read()) rows.Add(header.Select((name, i) => (name, value: reader.GetString(i))).ToDictionary(p => p.name, p => p.value));
        return rows;
    }
}
