using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Catwalk.Dashboard.Data;
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
        return app;
    }

    private static async Task<FileContentHttpResult> CsvAsync(HttpRequest request, DashboardData data, CancellationToken ct)
    {
        var jobs = await data.JobsAsync(DashboardFilter.FromQuery(request.Query), ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(JobCsv.Write(jobs)), "text/csv; charset=utf-8", "catwalk-jobs.csv");
    }

    private static async Task<FileContentHttpResult> VotesAsync(PreferenceData preference, CancellationToken ct) =>
        TypedResults.File(Encoding.UTF8.GetBytes(VoteCsv.Write(await preference.VotesAsync(ct))), "text/csv; charset=utf-8", "catwalk-votes.csv");

    private static async Task<ContentHttpResult> JsonAsync(HttpRequest request, DashboardData data, CancellationToken ct)
    {
        var report = await data.ReportAsync(DashboardFilter.FromQuery(request.Query), ct);
        return TypedResults.Content(JsonSerializer.Serialize(report, Json), "application/json; charset=utf-8");
    }
}
