using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Emulator.Endpoints;

/// <summary>fal's 422: the <c>detail</c> list, and <c>X-Fal-Retryable: false</c> because the same input will fail again.</summary>
internal sealed class UnprocessableResult(JsonObject body) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers["X-Fal-Retryable"] = "false";
        return Results.Json(body, statusCode: StatusCodes.Status422UnprocessableEntity).ExecuteAsync(httpContext);
    }
}
