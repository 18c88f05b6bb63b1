using Catwalk.Catalog;
using Catwalk.Dashboard.Launch;
using Catwalk.Domain;
using Catwalk.Manifests;
using Catwalk.Runs;
using Catwalk.Runs.Queue;
using Catwalk.Runs.Specs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Catwalk.Dashboard.Api;

/// <summary>
/// The server's API (server mode only, behind the dashboard's access rule): <c>POST /api/batches</c> stores a batch
/// manifest's run and enqueues it for workers; <c>GET /api/cluster</c> is the workers' view as JSON.
/// </summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapCatwalkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/batches", SubmitBatchAsync);
        api.MapGet("/cluster", async (IClusterMonitor monitor, CancellationToken ct) => TypedResults.Ok(await monitor.SnapshotAsync(ct)));
        return app;
    }

    private static async Task<Results<Accepted<BatchAccepted>, BadRequest<ApiError>, UnprocessableEntity<ApiError>>> SubmitBatchAsync(
        HttpRequest request, QueueRunLauncher launcher, CancellationToken ct)
    {
        var text = await ManifestBody.ReadAsync(request, ct);
        if (text is null) return TypedResults.BadRequest(new ApiError($"The manifest is larger than {ManifestBody.MaxBytes / 1048576} MB; list people and outfits in CSV files instead."));
        if (string.IsNullOrWhiteSpace(text)) return TypedResults.BadRequest(new ApiError("The request body is empty: send the batch manifest (YAML or JSON) as the body."));
        RunSpec spec;
        try
        {
            var manifest = ManifestReader.Parse(text, ManifestBody.SourcePath(request), [.. launcher.Catalog.Models.Where(m => m.IsVideo).Select(m => m.Key)],
                [.. Runs.Planning.ImageModelSelection.Dressing(launcher.Catalog).Select(m => m.Key)]);
            spec = ManifestSpecs.ToSpec(manifest);
            launcher.Plan(spec); // refuses a setting a model cannot take before anything is stored
        }
        catch (ManifestException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message, e.Line, e.Field));
        }
        catch (Exception e) when (e is InvalidInputException or UnsupportedSettingException or UnknownModelException)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
        try
        {
            var queued = await launcher.EnqueueAsync(spec, ct);
            return TypedResults.Accepted($"/runs/{queued.RunId}", new BatchAccepted(queued.RunId, queued.Jobs, queued.EstimatedCostUsd, queued.Queue));
        }
        catch (OverBudgetException e)
        {
            return TypedResults.UnprocessableEntity(new ApiError(e.Message));
        }
    }
}
