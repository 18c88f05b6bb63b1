using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Emulator.Faults;
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
        app.MapGet("/{owner}/{app}/requests/{id}/status", async (string owner, string app, string id, int? logs, HttpContext http) =>
        {
            if (Find(context, owner, app, id) is not { } job) return NotFound();
            context.Stats.StatusCall(job.Model.EndpointId);
            if (await FaultResponder.ApplyAsync(http, context.Faults.Roll(FaultStage.Status, job.Model)) is { } fault) return fault;
            var body = StatusJson.For(job, context.BaseUri, context.Queue.PositionOf(job), logs == 1);
            return Results.Json(body, statusCode: job.State == JobState.Completed ? 200 : 202);
        });
        app.MapGet("/{owner}/{app}/requests/{id}/status/stream", async (string owner, string app, string id, int? logs, HttpContext http) =>
        {
            if (Find(context, owner, app, id) is not { } job) return NotFound();
            var rule = context.Faults.Roll(FaultStage.Stream, job.Model);
            if (await FaultResponder.ApplyAsync(http, rule) is { } fault) return fault;
            await StatusStream.WriteAsync(http, job, context, logs == 1, cutAfterFirstEvent: rule?.Kind == FaultKind.StreamCut);
            return Results.Empty;
        });
        app.MapGet("/{owner}/{app}/requests/{id}", async (string owner, string app, string id, HttpContext http) =>
        {
            if (Find(context, owner, app, id) is not { } job) return NotFound();
            context.Stats.Result(job.Model.EndpointId);
            if (await FaultResponder.ApplyAsync(http, context.Faults.Roll(FaultStage.Result, job.Model)) is { } fault) return fault;
            http.Response.Headers["x-fal-request-id"] = job.Id;
            if (job.State != JobState.Completed) return Results.Json(StatusJson.For(job, context.BaseUri, context.Queue.PositionOf(job), false), statusCode: 202);
            if (job.Error is not { } error) return Results.Json(job.Output);
            foreach (var (name, value) in job.ErrorHeaders) http.Response.Headers[name] = value;
            return Results.Json(error.Body, statusCode: error.Status);
        });
        app.MapPut("/{owner}/{app}/requests/{id}/cancel", async (string owner, string app, string id, HttpContext http) =>
        {
            if (Find(context, owner, app, id) is not { } job) return Results.Json(new { status = "NOT_FOUND" }, statusCode: 404);
            context.Stats.Cancel(job.Model.EndpointId);
            if (await FaultResponder.ApplyAsync(http, context.Faults.Roll(FaultStage.Cancel, job.Model)) is { } fault) return fault;
            if (job.State == JobState.Completed) return Results.Json(new { status = "ALREADY_COMPLETED" }, statusCode: 400);
            context.Queue.CancelIfQueued(job); // a running job is only asked to stop; like most fal apps, it runs on
            return Results.Json(new { status = "CANCELLATION_REQUESTED" }, statusCode: 202);
        });
        app.MapPost("/{**endpoint}", (string endpoint, HttpContext http) => SubmitAsync(context, endpoint, http));
        return app;
    }

    private static async Task<IResult> SubmitAsync(EmulatorContext context, string endpoint, HttpContext http)
    {
        var request = http.Request;
        var model = context.ModelForEndpoint(endpoint);
        if (model is null) return Results.Json(new { detail = $"Application '{endpoint.Trim('/')}' not found" }, statusCode: 404);
        var rule = context.Faults.Roll(FaultStage.Submit, model);
        if (await FaultResponder.ApplyAsync(http, rule) is { } fault) return fault;
        JsonObject? input;
        try { input = await JsonNode.ParseAsync(request.Body) as JsonObject; }
        catch (JsonException) { input = null; }
        // Only a body that is not a JSON object is refused here; fal's queue takes any object, and the model checks it when it runs.
        if (input is null) return Unprocessable([new InputProblem(InputProblem.WholeBody, "Input should be a valid dictionary or object to extract fields from", "model_attributes_type")]);

        context.Stats.Submission(model.EndpointId);
        var job = context.Queue.Enqueue(model, input, StartTimeout(request), storePayloads: request.Headers["x-fal-store-io"].ToString() != "0");
        if (rule?.Kind == FaultKind.LostSubmit)
        {
            http.Abort(); // enqueued (and, on fal, billed), but the caller never hears its request id
            return Results.Empty;
        }
        if (rule?.Kind == FaultKind.SlowSubmit)
        {
            try { await Task.Delay(rule.DelayMilliseconds, http.RequestAborted); }
            catch (OperationCanceledException) { return Results.Empty; } // the caller went away: the job stays queued at "fal"
        }
        var body = StatusJson.Submitted(job, context.BaseUri, context.Queue.PositionOf(job));
        body["gateway_request_id"] = job.Id;
        return Results.Json(body);
    }

    /// <summary><c>x-fal-request-timeout</c>: seconds the request may wait to start; unreadable or non-positive values are ignored.</summary>
    private static TimeSpan? StartTimeout(HttpRequest request) =>
        double.TryParse(request.Headers["x-fal-request-timeout"].ToString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static EmulatedJob? Find(EmulatorContext context, string owner, string app, string id) =>
        context.Queue.Find(id) is { } job && job.Model.OwnerApp == $"{owner}/{app}" ? job : null;

    private static IResult NotFound() => Results.Json(new { detail = "Request not found" }, statusCode: 404);

    private static IResult Unprocessable(IReadOnlyList<InputProblem> problems) => new UnprocessableResult(InputProblem.Detail(problems));
}
