using Catwalk.Dashboard.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Catwalk.Dashboard.Endpoints;

/// <summary><c>GET /media/{jobId}</c>: a stored job's file, with range requests (video seeking); anything else is 404.</summary>
internal static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{jobId}", GetAsync);
        return app;
    }

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> GetAsync(string jobId, MediaFiles media, CancellationToken ct) =>
        await media.FindAsync(jobId, ct) is { } file
            ? TypedResults.PhysicalFile(file.Path, file.ContentType, enableRangeProcessing: true)
            : TypedResults.NotFound();
}
