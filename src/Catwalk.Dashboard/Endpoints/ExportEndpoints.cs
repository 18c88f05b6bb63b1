using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Catwalk.Dashboard.Data;
using Catwalk.Runs.Sharing;
using Catwalk.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Catwalk.Dashboard.Endpoints;

/// <summary><c>/export.csv</c> (one row per job) and <c>/export.json</c> (the report), filtered by the same query string as the views.</summary>
internal static class ExportEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export.csv", CsvAsync);
        app.MapGet("/export.json", JsonAsync);
        app.MapGet("/export/votes.csv", VotesAsync);
        app.MapGet("/export/report.html", HtmlReportAsync);
        return app;
    }

    private static async Task<FileContentHttpResult> CsvAsync(HttpRequest request, DashboardData data, CancellationToken ct)
    {
        var jobs = await data.JobsAsync(DashboardFilter.FromQuery(request.Query), ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(JobCsv.Write(jobs)), "text/csv; charset=utf-8", "catwalk-jobs.csv");
    }

    private static async Task<FileContentHttpResult> VotesAsync(PreferenceData preference, CancellationToken ct) =>
        TypedResults.File(Encoding.UTF8.GetBytes(VoteCsv.Write(await preference.VotesAsync(ct))), "text/csv; charset=utf-8", "catwalk-votes.csv");

    /// <summary>
    /// The shareable HTML report (as <c>catwalk report --html</c> writes it) of every run, or of <c>?run=ID</c>: written to a
    /// temporary file that is deleted once sent, so its frames are never all held in memory.
    /// </summary>
    private static async Task<IResult> HtmlReportAsync(HttpRequest request, IRunJobStore store, IVoteStore votes, IRunStoreInfo info, TimeProvider time, CancellationToken ct)
    {
        var run = request.Query["run"].ToString();
        if (await ShareReportData.LoadAsync(store, votes, info.Description, run.Length == 0 ? null : run, time.GetUtcNow(), ct) is not { } data)
            return TypedResults.NotFound($"No run '{run}' in the store.");
        var path = Path.Combine(Path.GetTempPath(), $"catwalk-report-{Guid.NewGuid():N}.html");
        try
        {
            await HtmlReport.WriteFileAsync(data, path, ct);
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            return TypedResults.Stream(stream, "text/html; charset=utf-8", "catwalk-report.html");
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static async Task<ContentHttpResult> JsonAsync(HttpRequest request, DashboardData data, CancellationToken ct)
    {
        var report = await data.FullReportAsync(DashboardFilter.FromQuery(request.Query), ct);
        return TypedResults.Content(JsonSerializer.Serialize(report, Json), "application/json; charset=utf-8");
    }
}
