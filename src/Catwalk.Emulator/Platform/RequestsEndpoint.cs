using System.Text.Json.Nodes;
using Catwalk.Emulator.Endpoints;
using Catwalk.Emulator.Queue;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Emulator.Platform;

/// <summary>
/// <c>GET /v1/models/requests/by-endpoint</c>: the request history of endpoints — a request is listed once a runner took it
/// (queued ones are not), with null end, status and duration while it runs; <c>expand=payloads</c> adds the input and
/// output unless it was sent with <c>X-Fal-Store-IO: 0</c>. The window is on when the request was sent (end exclusive).
/// </summary>
internal static class RequestsEndpoint
{
    public static IResult List(HttpContext http, EmulatorContext context)
    {
        var request = http.Request;
        var ids = PlatformQuery.Values(request, "endpoint_id");
        if (ids.Count is 0 or > 50) return PlatformError.Validation("endpoint_id is required: 1 to 50 endpoint ids, comma-separated or repeated.");
        var requestId = request.Query["request_id"].ToString();
        var now = context.Options.TimeProvider.GetUtcNow();
        if (PlatformQuery.Date(request, "start", requestId.Length > 0 ? now.AddDays(-90) : now.AddDays(-1)) is not { } start) return PlatformError.Validation("start must be an ISO 8601 date-time or YYYY-MM-DD.");
        if (PlatformQuery.Date(request, "end", now) is not { } end) return PlatformError.Validation("end must be an ISO 8601 date-time or YYYY-MM-DD.");
        var status = request.Query["status"].ToString();
        if (status.Length > 0 && status is not ("success" or "error" or "user_error")) return PlatformError.Validation($"status '{status}' is not one of success, error, user_error.");
        var sortBy = request.Query["sort_by"].ToString();
        if (sortBy.Length > 0 && sortBy is not ("ended_at" or "duration")) return PlatformError.Validation($"sort_by '{sortBy}' is not one of ended_at, duration.");
        if (PlatformQuery.Limit(request, 50, 100) is not { } limit) return PlatformError.Validation("limit must be a whole number from 1 to 100.");
        if (PlatformQuery.Page(request) is not { } page) return PlatformError.Validation("cursor is not one this API returned.");
        var payloads = PlatformQuery.Values(request, "expand").Contains("payloads");

        var rows = context.Queue.All
            .Where(j => j.StartedAt is not null && ids.Contains(j.Model.EndpointId) && j.SubmittedAt >= start && j.SubmittedAt < end)
            .Where(j => requestId.Length == 0 || j.Id == requestId)
            .Where(j => status.Length == 0 || StatusClass(j) == status)
            .OrderByDescending(j => sortBy == "duration" ? Duration(j) ?? double.MaxValue : (j.EndedAt ?? DateTimeOffset.MaxValue).ToUnixTimeMilliseconds())
            .ThenByDescending(j => j.SubmittedAt)
            .ToList();
        var pageRows = rows.Skip(page * limit).Take(limit);
        var hasMore = rows.Count > (page + 1) * limit;
        return Results.Json(new JsonObject
        {
            ["items"] = new JsonArray([.. pageRows.Select(j => (JsonNode)Item(j, payloads))]),
            ["next_cursor"] = PlatformQuery.CursorAfter(page, hasMore),
            ["has_more"] = hasMore,
        });
    }

    private static JsonObject Item(EmulatedJob job, bool payloads)
    {
        var item = new JsonObject
        {
            ["request_id"] = job.Id, ["endpoint_id"] = job.Model.EndpointId,
            ["started_at"] = Iso(job.StartedAt), ["sent_at"] = Iso(job.SubmittedAt), ["ended_at"] = Iso(job.EndedAt),
            ["status_code"] = Code(job), ["duration"] = Duration(job),
        };
        if (payloads && job.StorePayloads)
        {
            item["json_input"] = job.Input.DeepClone();
            item["json_output"] = job.State != JobState.Completed ? null : job.Output?.DeepClone() ?? job.Error?.Body.DeepClone();
        }
        return item;
    }

    private static int? Code(EmulatedJob job) => job.State != JobState.Completed ? null : job.Error is { Status: var s } ? s : 200;

    private static string? StatusClass(EmulatedJob job) => Code(job) switch
    {
        null => null,
        < 300 => "success",
        < 500 => "user_error",
        _ => "error",
    };

    private static double? Duration(EmulatedJob job) =>
        job is { StartedAt: { } started, EndedAt: { } ended } ? Math.Round((ended - started).TotalSeconds, 3) : null;

    private static string? Iso(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
