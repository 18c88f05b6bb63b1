using System.Globalization;
using System.Text.Json.Nodes;
using Catwalk.Emulator.Endpoints;
using Catwalk.Emulator.Queue;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Emulator.Platform;

/// <summary>
/// <c>GET /v1/models/billing-events</c> (ADMIN): one row per request the emulator billed, by the same price rules and
/// account discount as usage, so the rows of a window add up to its usage. A request bills when it ends (that is the
/// row's <c>timestamp</c>, and what <c>start</c>/<c>end</c> select, end exclusive); failed and cancelled requests bill
/// nothing and have no row. Oldest first, paged by cursor.
/// </summary>
internal static class BillingEventsEndpoint
{
    /// <summary>fal's documented maximum page (10,000 rows) and date span (90 days).</summary>
    private const int MaxLimit = 10_000;
    private static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);

    public static IResult List(HttpContext http, EmulatorContext context)
    {
        if (!context.Options.ServeBillingEvents) return PlatformError.NotFound("Billing events are not available for this account.");
        var request = http.Request;
        var now = context.Options.TimeProvider.GetUtcNow();
        if (PlatformQuery.Date(request, "start", now.AddDays(-1)) is not { } start) return PlatformError.Validation("start must be an ISO 8601 date-time or YYYY-MM-DD.");
        if (PlatformQuery.Date(request, "end", now) is not { } end) return PlatformError.Validation("end must be an ISO 8601 date-time or YYYY-MM-DD.");
        if (end <= start) return PlatformError.Validation("end must be after start.");
        if (end - start > MaxSpan) return PlatformError.Validation("The date range is limited to 90 days.");
        var ids = PlatformQuery.Values(request, "endpoint_id");
        if (ids.Count > 50) return PlatformError.Validation($"endpoint_id takes 1 to 50 ids, not {ids.Count}.");
        if (PlatformQuery.Limit(request, 1000, MaxLimit) is not { } limit) return PlatformError.Validation($"limit must be a whole number from 1 to {MaxLimit}.");
        if (PlatformQuery.Page(request) is not { } page) return PlatformError.Validation("cursor is not one this API returned.");

        var discount = Math.Clamp(context.Options.PercentDiscount, 0, 100);
        var rows = context.Queue.All
            .Where(j => j.EndedAt is { } at && at >= start && at < end && (ids.Count == 0 || ids.Contains(j.Model.EndpointId)))
            .Select(j => (Job: j, Bill: BillingRules.Billed(j)))
            .Where(x => x.Bill is not null)
            .OrderBy(x => x.Job.EndedAt).ThenBy(x => x.Job.Id, StringComparer.Ordinal)
            .ToList();
        var hasMore = rows.Count > (page + 1) * limit;
        return Results.Json(new JsonObject
        {
            ["billing_events"] = new JsonArray([.. rows.Skip(page * limit).Take(limit).Select(x => (JsonNode)Row(x.Job, x.Bill!.Value, discount))]),
            ["next_cursor"] = PlatformQuery.CursorAfter(page, hasMore),
            ["has_more"] = hasMore,
        });
    }

    private static JsonObject Row(EmulatedJob job, (string Unit, decimal Quantity, decimal UnitPrice, decimal Cost) bill, decimal discount)
    {
        var subtotal = Math.Round(bill.Cost, 6);
        var total = BillingRules.Discounted(subtotal, discount);
        return new JsonObject
        {
            ["request_id"] = job.Id, ["endpoint_id"] = job.Model.EndpointId,
            ["timestamp"] = job.EndedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["unit"] = bill.Unit, ["output_units"] = bill.Quantity, ["unit_price"] = bill.UnitPrice,
            ["percent_discount"] = discount == 0 ? null : discount, ["cost_subtotal"] = subtotal, ["cost_discount"] = subtotal - total,
            ["cost_total"] = total, ["cost_estimate_nano_usd"] = (long)Math.Round(total * 1_000_000_000m), ["currency"] = "USD",
        };
    }
}
