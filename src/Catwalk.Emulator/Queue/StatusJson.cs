using System.Text.Json.Nodes;

namespace Catwalk.Emulator.Queue;

/// <summary>fal's status body: status, request id, the owner/app URLs, queue position, logs and metrics.</summary>
internal static class StatusJson
{
    public static JsonObject For(EmulatedJob job, Uri baseUri, int? queuePosition, bool includeLogs)
    {
        var requestUrl = RequestUrl(job, baseUri);
        var json = new JsonObject
        {
            ["status"] = job.State switch { JobState.InQueue => "IN_QUEUE", JobState.InProgress => "IN_PROGRESS", _ => "COMPLETED" },
            ["request_id"] = job.Id,
            ["response_url"] = requestUrl,
            ["status_url"] = $"{requestUrl}/status",
            ["cancel_url"] = $"{requestUrl}/cancel",
        };
        if (job.State == JobState.InQueue) json["queue_position"] = queuePosition ?? 0;
        else json["logs"] = includeLogs ? new JsonArray([.. job.Logs.Select(l => (JsonNode)l.DeepClone())]) : null;
        if (job.State == JobState.Completed)
        {
            json["metrics"] = new JsonObject { ["inference_time"] = job.InferenceSeconds };
            // An infrastructure failure (timeout, runner trouble) is named on the status too, as fal's clients expect;
            // a model's own error (a 422) is only in the result.
            if (job.Error is { Body: var body } && body["error_type"] is JsonValue type && body["detail"] is JsonValue detail)
            {
                json["error"] = detail.DeepClone();
                json["error_type"] = type.DeepClone();
            }
        }
        return json;
    }

    /// <summary>
    /// fal's answer to a submit (live capture): the job as just queued, with logs null and empty metrics — whatever it has
    /// done since (with no latency a job the model refuses may already be completed before this answer is written).
    /// </summary>
    public static JsonObject Submitted(EmulatedJob job, Uri baseUri, int? queuePosition)
    {
        var requestUrl = RequestUrl(job, baseUri);
        return new JsonObject
        {
            ["status"] = "IN_QUEUE",
            ["request_id"] = job.Id,
            ["response_url"] = requestUrl,
            ["status_url"] = $"{requestUrl}/status",
            ["cancel_url"] = $"{requestUrl}/cancel",
            ["queue_position"] = queuePosition ?? 0,
            ["logs"] = null,
            ["metrics"] = new JsonObject(),
        };
    }

    /// <summary>Status, result and cancel URLs carry only owner/app, never the endpoint's path.</summary>
    public static string RequestUrl(EmulatedJob job, Uri baseUri) => $"{baseUri.ToString().TrimEnd('/')}/{job.Model.OwnerApp}/requests/{job.Id}";
}
