using System.Globalization;
using System.Text.Json;

namespace Catwalk.Fal.Internal;

/// <summary>Reads fal's status JSON (<c>IN_QUEUE</c> / <c>IN_PROGRESS</c> / <c>COMPLETED</c>, queue_position, logs, metrics).</summary>
internal static class FalStatusReader
{
    public static FalQueueStatus Read(JsonElement json)
    {
        var state = json.TryGetProperty("status", out var s) ? s.GetString() switch
        {
            "IN_QUEUE" => FalQueueState.InQueue,
            "IN_PROGRESS" => FalQueueState.InProgress,
            "COMPLETED" => FalQueueState.Completed,
            var other => throw new FalException($"fal sent an unknown status '{other}'."),
        } : throw new FalException("fal sent a status without a 'status' field.");
        int? position = json.TryGetProperty("queue_position", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;
        double? inference = json.TryGetProperty("metrics", out var m) && m.ValueKind == JsonValueKind.Object
            && m.TryGetProperty("inference_time", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null;
        var logs = json.TryGetProperty("logs", out var l) && l.ValueKind == JsonValueKind.Array
            ? l.EnumerateArray().Select(Log).ToList()
            : [];
        return new FalQueueStatus(state, position, logs, inference, json.Clone());
    }

    private static FalLogEntry Log(JsonElement e) => new(
        e.TryGetProperty("message", out var m) ? m.ToString() : e.ToString(),
        e.TryGetProperty("level", out var level) ? level.GetString() : null,
        e.TryGetProperty("timestamp", out var ts) && DateTimeOffset.TryParse(ts.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) ? when : null);
}
