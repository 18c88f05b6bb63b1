using System.Globalization;
using System.Text.Json.Nodes;
using Catwalk.Emulator.Endpoints;
using Catwalk.Emulator.Queue;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Emulator.Platform;

/// <summary>
/// <c>GET /v1/models/usage</c> (ADMIN): what the requests the emulator served were billed, as line items per endpoint,
/// unit and unit price, in time buckets (<c>time_series</c>) and/or over the range (<c>summary</c>). A request bills when
/// it ends; failed and cancelled requests bill nothing; the account discount applies.
/// </summary>
internal static class UsageEndpoint
{
    private static readonly string[] Expansions = ["time_series", "summary", "auth_method", "auth_method_structured"];
    private static readonly string[] Timeframes = ["minute", "hour", "day", "week", "month"];

    public static IResult Usage(HttpContext http, EmulatorContext context)
    {
        var request = http.Request;
        var now = context.Options.TimeProvider.GetUtcNow();
        if (PlatformQuery.Date(request, "start", now.AddDays(-1)) is not { } start) return PlatformError.Validation("start must be an ISO 8601 date-time or YYYY-MM-DD.");
        if (PlatformQuery.Date(request, "end", now) is not { } end) return PlatformError.Validation("end must be an ISO 8601 date-time or YYYY-MM-DD.");
        if (end <= start) return PlatformError.Validation("end must be after start.");
        var expand = PlatformQuery.Values(request, "expand") is { Count: > 0 } e ? e : ["time_series"];
        if (expand.FirstOrDefault(x => !Expansions.Contains(x)) is { } unknown) return PlatformError.Validation($"expand '{unknown}' is not one of {string.Join(", ", Expansions)}.");
        if (!expand.Contains("time_series") && !expand.Contains("summary")) return PlatformError.Validation("expand must include time_series or summary.");
        var timeframe = request.Query["timeframe"].ToString();
        if (timeframe.Length == 0) timeframe = Auto(end - start);
        else if (!Timeframes.Contains(timeframe)) return PlatformError.Validation($"timeframe '{timeframe}' is not one of {string.Join(", ", Timeframes)}.");
        var bound = request.Query["bound_to_timeframe"].ToString();
        if (bound.Length > 0 && bound is not ("true" or "false")) return PlatformError.Validation("bound_to_timeframe must be \"true\" or \"false\".");
        if (bound != "false") (start, end) = (Floor(start, timeframe), Ceiling(end, timeframe));
        var ids = PlatformQuery.Values(request, "endpoint_id");
        if (ids.Count > 50) return PlatformError.Validation($"endpoint_id takes 1 to 50 ids, not {ids.Count}.");

        var billed = context.Queue.All
            .Where(j => j.EndedAt is { } at && at >= start && at < end && (ids.Count == 0 || ids.Contains(j.Model.EndpointId)))
            .Select(j => (Job: j, Bill: BillingRules.Billed(j)))
            .Where(x => x.Bill is not null)
            .Select(x => (x.Job, Bill: x.Bill!.Value))
            .ToList();
        var discount = Math.Clamp(context.Options.PercentDiscount, 0, 100);
        var body = new JsonObject { ["next_cursor"] = null, ["has_more"] = false };
        if (expand.Contains("time_series"))
            body["time_series"] = new JsonArray([.. billed.GroupBy(x => Floor(x.Job.EndedAt!.Value, timeframe)).OrderBy(g => g.Key).Select(g => (JsonNode)new JsonObject
            {
                ["bucket"] = g.Key.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                ["results"] = LineItems(g, discount),
            })]);
        if (expand.Contains("summary")) body["summary"] = LineItems(billed, discount);
        return Results.Json(body);
    }

    private static JsonArray LineItems(IEnumerable<(EmulatedJob Job, (string Unit, decimal Quantity, decimal UnitPrice, decimal Cost) Bill)> billed, decimal discount) =>
        new([.. billed.GroupBy(x => (x.Job.Model.EndpointId, x.Bill.Unit, x.Bill.UnitPrice)).OrderBy(g => g.Key.EndpointId, StringComparer.Ordinal).Select(g =>
        {
            var subtotal = Math.Round(g.Sum(x => x.Bill.Cost), 6);
            var total = BillingRules.Discounted(subtotal, discount);
            return (JsonNode)new JsonObject
            {
                ["endpoint_id"] = g.Key.EndpointId, ["unit"] = g.Key.Unit, ["quantity"] = g.Sum(x => x.Bill.Quantity), ["unit_price"] = g.Key.UnitPrice,
                ["percent_discount"] = discount == 0 ? null : discount, ["cost_subtotal"] = subtotal, ["cost_discount"] = subtotal - total,
                ["cost_total"] = total, ["cost"] = total, ["currency"] = "USD",
            };
        })]);

    /// <summary>fal's choice when no timeframe is given: minute under 2 h, hour under 2 d, day under 64 d, week under 183 d, else month.</summary>
    private static string Auto(TimeSpan range) =>
        range < TimeSpan.FromHours(2) ? "minute" : range < TimeSpan.FromDays(2) ? "hour" : range < TimeSpan.FromDays(64) ? "day" : range < TimeSpan.FromDays(183) ? "week" : "month";

    private static DateTimeOffset Floor(DateTimeOffset t, string timeframe)
    {
        var u = t.ToUniversalTime();
        return timeframe switch
        {
            "minute" => new DateTimeOffset(u.Year, u.Month, u.Day, u.Hour, u.Minute, 0, TimeSpan.Zero),
            "hour" => new DateTimeOffset(u.Year, u.Month, u.Day, u.Hour, 0, 0, TimeSpan.Zero),
            "day" => new DateTimeOffset(u.Year, u.Month, u.Day, 0, 0, 0, TimeSpan.Zero),
            "week" => new DateTimeOffset(u.Year, u.Month, u.Day, 0, 0, 0, TimeSpan.Zero).AddDays(-(((int)u.DayOfWeek + 6) % 7)),
            _ => new DateTimeOffset(u.Year, u.Month, 1, 0, 0, 0, TimeSpan.Zero),
        };
    }

    private static DateTimeOffset Ceiling(DateTimeOffset t, string timeframe)
    {
        var floor = Floor(t, timeframe);
        if (floor == t) return t;
        return timeframe switch
        {
            "minute" => floor.AddMinutes(1), "hour" => floor.AddHours(1), "day" => floor.AddDays(1), "week" => floor.AddDays(7), _ => floor.AddMonths(1),
        };
    }
}
