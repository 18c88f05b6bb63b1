using Catwalk.Dashboard.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Catwalk.Dashboard.Endpoints;

/// <summary>
/// <c>GET /media/{jobId}/frames/{index}</c> (the sampled frame as a JPEG thumbnail) and <c>…/{index}/face</c> (its
/// face box enlarged): for the frame strip of a job's detail page. Anything but a stored fashion frame of a job whose
/// file lies inside its run's output folder is 404.
/// </summary>
internal static class FrameEndpoints
{
    public static IEndpointRouteBuilder MapFrames(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{jobId}/frames/{index:int}", (string jobId, int index, FrameImages frames, HttpContext http, CancellationToken ct) => GetAsync(jobId, index, FramePart.Frame, frames, http, ct));
        app.MapGet("/media/{jobId}/frames/{index:int}/face", (string jobId, int index, FrameImages frames, HttpContext http, CancellationToken ct) => GetAsync(jobId, index, FramePart.Face, frames, http, ct));
        return app;
    }

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> GetAsync(string jobId, int index, FramePart part, FrameImages frames, HttpContext http, CancellationToken ct)
    {
        if (await frames.GetAsync(jobId, index, part, ct) is not { } path) return TypedResults.NotFound();
        // The name holds the frame's time and the file's size and date: a re-measured job gets a new picture, never a stale one.
        http.Response.Headers.CacheControl = "private, max-age=300";
        return TypedResults.PhysicalFile(path, "image/jpeg");
    }
}
