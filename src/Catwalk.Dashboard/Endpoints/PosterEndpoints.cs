using Catwalk.Dashboard.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Catwalk.Dashboard.Endpoints;

/// <summary>
/// <c>GET /media/{jobId}/poster</c>: a video's first frame as a JPEG, for the compare matrix's cells. Anything but a
/// stored video whose file lies inside its run's output folder is 404.
/// </summary>
internal static class PosterEndpoints
{
    public static IEndpointRouteBuilder MapPosters(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{jobId}/poster", GetAsync);
        return app;
    }

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> GetAsync(string jobId, PosterImages posters, HttpContext http, CancellationToken ct)
    {
        if (await posters.GetAsync(jobId, ct) is not { } path) return TypedResults.NotFound();
        http.Response.Headers.CacheControl = "private, max-age=300"; // the name changes with the file: never stale
        return TypedResults.PhysicalFile(path, "image/jpeg");
    }
}
