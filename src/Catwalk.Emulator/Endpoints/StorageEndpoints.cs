using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Catwalk.Emulator.Endpoints;

/// <summary>
/// fal's storage: initiate an upload (with the lifetime its object lifecycle header asks for), PUT the bytes to the
/// returned URL, then GET the file (with Range support) until that lifetime has passed.
/// </summary>
internal static class StorageEndpoints
{
    public static IEndpointRouteBuilder MapStorage(this IEndpointRouteBuilder app, EmulatorContext context)
    {
        app.MapPost("/storage/upload/initiate", async (HttpRequest request) =>
        {
            if (!Storage.ObjectLifecycle.TryRead(request.Headers, out var lifetime, out var problem))
                return Results.BadRequest(new { detail = problem });
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject;
            var contentType = body?["content_type"]?.GetValue<string>() ?? "application/octet-stream";
            var fileName = body?["file_name"]?.GetValue<string>() ?? $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}.bin";
            var (token, fileUrl) = context.Files.BeginUpload(fileName, contentType, lifetime);
            var uploadUrl = new Uri(context.BaseUri, $"storage/upload/put/{token}");
            return Results.Json(new { upload_url = uploadUrl.ToString(), file_url = fileUrl.ToString() });
        });
        app.MapPut("/storage/upload/put/{token}", async (string token, HttpRequest request, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (await Faults.FaultResponder.ApplyAsync(http, context.Faults.Roll(Faults.FaultStage.Upload, null)) is { } fault) return fault;
            var file = await context.Files.CompleteUploadAsync(token, request.Body, cancellationToken);
            if (file is null) return Results.NotFound(new { detail = "Unknown or used upload URL." });
            context.Stats.Upload();
            return Results.Ok();
        });
        app.MapGet("/files/{id}/{name}", async (string id, string name, HttpContext http) =>
        {
            var file = context.Files.Find(id, name);
            if (file is null || !File.Exists(file.Path)) return Results.NotFound(new { detail = "File not found." });
            context.Stats.Download();
            var rule = context.Faults.Roll(Faults.FaultStage.Download, null);
            if (await Faults.FaultResponder.ApplyAsync(http, rule) is { } fault) return fault;
            if (rule?.Kind == Faults.FaultKind.Truncated) return new TruncatedFileResult(file.Path, file.ContentType);
            return Results.File(file.Path, file.ContentType, enableRangeProcessing: true);
        });
        // HEAD, as a CDN answers it: type and size without the bytes (so not counted as a download).
        app.MapMethods("/files/{id}/{name}", [HttpMethods.Head], (string id, string name) =>
            context.Files.Find(id, name) is { } file && File.Exists(file.Path)
                ? Results.File(file.Path, file.ContentType, enableRangeProcessing: true)
                : Results.NotFound());
        return app;
    }
}
