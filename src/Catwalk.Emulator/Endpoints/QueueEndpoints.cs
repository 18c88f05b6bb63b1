using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Emulator.Queue;
using Catwalk.Emulator.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Catwalk.Emulator.Endpoints;

/// <summary>
/// fal's queue: submit at the full endpoint id; status, status stream, result and cancel at
/// <c>/{owner}/{app}/requests/{id}</c> — the endpoint's path is not part of those URLs.
/// </summary>
internal static class QueueEndpoints
{
    public static IEndpointRouteBuilder MapQueue(this IEndpointRouteBuilder app, EmulatorContext context)
    {
        app.MapGet("/{owner}/{app}/requests/{id}/status", (string owner, string app, string id, int? logs) =>
        {
            if (Find(context, owner, app, id) is not { } job) return NotFound();
            context.Stats.StatusCall(job.Model.EndpointId);
            var body = StatusJson.For(job, context.BaseUri, context.Queue.PositionOf(job), logs == 1);
            return Results.Json(body, statusCode: job.State == JobState.Completed ? 200 : 202);
        });
        app.MapGet("/{owner}/{app}/requests/{id}/status/stream", (string owner, string app, string id, int? logs, HttpContext http) =>
            Find(context, owner, app, id) is { } job ? StatusStream.WriteAsync(http, job, context, logs == 1) : NotFound().ExecuteAsync(http));
        app.MapGet("/{owner}/{app}/requests/{id}", (string owner, string app, string id, HttpResponse response) =>
        {
            if (Find(context, owner, app, id) is not { } job) return NotFound();
            context.Stats.Result(job.Model.EndpointId);
            response.Headers["x-fal-request-id"] = job.Id;
            if (job.State != JobState.Completed) return Results.Json(StatusJson.For(job, context.BaseUri, context.Queue.PositionOf(job), false), statusCode: 202);
            return job.Error is { } error ? Results.Json(error.Body, statusCode: error.Status) : Results.Json(job.Output);
        });
        app.MapPut("/{owner}/{app}/requests/{id}/cancel", (string owner, string app, string id) =>
        {
            if (Find(context, owner, app, id) is not { } job) return Results.Json(new { status = "NOT_FOUND" }, statusCode: 404);
            context.Stats.Cancel(job.Model.EndpointId);
            if (job.State == JobState.Completed) return Results.Json(new { status = "ALREADY_COMPLETED" }, statusCode: 400);
            context.Queue.CancelIfQueued(job); // a running job is only asked to stop; like most fal apps, it runs on
            return Results.Json(new { status = "CANCELLATION_REQUESTED" }, statusCode: 202);
        });
        app.MapPost("/{**endpoint}", (string endpoint, HttpRequest request) => SubmitAsync(context, endpoint, request));
        return app;
    }

    private static async Task<IResult> SubmitAsync(EmulatorContext context, string endpoint, HttpRequest request)
    {
        var model = context.ModelForEndpoint(endpoint);
        if (model is null) return Results.Json(new { detail = $"Application '{endpoint.Trim('/')}' not found" }, statusCode: 404);
        JsonObject? input;
        try { input = await JsonNode.ParseAsync(request.Body) as JsonObject; }
        catch (JsonException) { input = null; }
        if (input is null) return Unprocessable([new InputProblem("body", "Input should be a valid dictionary or object", "model_attributes_type")]);
        var problems = InputValidator.Validate(model, input);
        if (problems.Count > 0) return Unprocessable(problems);
        var (media, mediaProblems) = context.Media.Resolve(model, input);
        if (mediaProblems.Count > 0) return Unprocessable(mediaProblems);

        context.Stats.Submission(model.EndpointId);
        var job = context.Queue.Enqueue(model, input, media);
        var body = StatusJson.For(job, context.BaseUri, context.Queue.PositionOf(job), false);
        body["gateway_request_id"] = job.Id;
        return Results.Json(body);
    }

    private static EmulatedJob? Find(EmulatorContext context, string owner, string app, string id) =>
        context.Queue.Find(id) is { } job && job.Model.OwnerApp == $"{owner}/{app}" ? job : null;

    private static IResult NotFound() => Results.Json(new { detail = "Request not found" }, statusCode: 404);

    private static IResult Unprocessable(IReadOnlyList<InputProblem> problems) =>
        new UnprocessableResult(new JsonObject { ["detail"] = new JsonArray([.. problems.Select(p => (JsonNode)p.ToJson())]) });
}
