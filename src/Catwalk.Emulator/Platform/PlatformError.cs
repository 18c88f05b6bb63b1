using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Emulator.Platform;

/// <summary>The Platform APIs' error body: <c>{"error": {"type", "message"}}</c>, with fal's types.</summary>
internal static class PlatformError
{
    public static IResult Of(int status, string type, string message) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["message"] = message } }, statusCode: status);

    public static IResult Validation(string message) => Of(StatusCodes.Status400BadRequest, "validation_error", message);

    public static IResult NotFound(string message) => Of(StatusCodes.Status404NotFound, "not_found", message);
}
