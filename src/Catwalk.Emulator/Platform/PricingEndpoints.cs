using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Emulator.Endpoints;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Emulator.Platform;

/// <summary><c>GET /v1/models/pricing</c> (one unit price per endpoint) and <c>POST /v1/models/pricing/estimate</c>.</summary>
internal static class PricingEndpoints
{
    public static IResult Prices(HttpContext http, EmulatorContext context)
    {
        var ids = PlatformQuery.Values(http.Request, "endpoint_id");
        if (ids.Count is 0 or > 50) return PlatformError.Validation("endpoint_id is required: 1 to 50 endpoint ids, comma-separated or repeated.");
        var (models, missing) = Resolve(context, ids);
        if (missing.Count > 0) return PlatformError.NotFound($"No pricing for {string.Join(", ", missing)}.");
        return Results.Json(new JsonObject
        {
            ["prices"] = new JsonArray([.. models.Select(m =>
            {
                var (unit, price) = BillingRules.BasePrice(m);
                return (JsonNode)new JsonObject { ["endpoint_id"] = m.EndpointId, ["unit_price"] = price, ["unit"] = unit, ["currency"] = "USD" };
            })]),
            ["next_cursor"] = null,
            ["has_more"] = false,
        });
    }

    public static async Task<IResult> EstimateAsync(HttpContext http, EmulatorContext context)
    {
        JsonObject? body;
        try { body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject; }
        catch (JsonException) { body = null; }
        if (body is null) return PlatformError.Validation("The body must be a JSON object with estimate_type and endpoints.");
        var type = body["estimate_type"] is JsonValue t && t.TryGetValue<string>(out var text) ? text : null;
        if (type is not ("historical_api_price" or "unit_price")) return PlatformError.Validation("estimate_type must be historical_api_price or unit_price.");
        if (body["endpoints"] is not JsonObject endpoints || endpoints.Count == 0) return PlatformError.Validation("endpoints must map at least one endpoint id to its quantity.");
        var (models, missing) = Resolve(context, [.. endpoints.Select(e => e.Key)]);
        if (missing.Count > 0) return PlatformError.NotFound($"Unknown endpoint(s): {string.Join(", ", missing)}.");
        var total = 0m;
        foreach (var model in models)
        {
            var field = type == "unit_price" ? "unit_quantity" : "call_quantity";
            if (endpoints[model.EndpointId]?[field] is not JsonValue q || !q.TryGetValue<decimal>(out var quantity)
                || (type == "unit_price" ? quantity < 0.000001m : quantity < 1 || quantity != Math.Floor(quantity)))
                return PlatformError.Validation($"endpoints.{model.EndpointId}.{field} must be {(type == "unit_price" ? "a number ≥ 0.000001" : "a whole number ≥ 1")}.");
            total += type == "unit_price" ? quantity * BillingRules.BasePrice(model).UnitPrice : quantity * HistoricalCallPrice(context, model);
        }
        return Results.Json(new JsonObject { ["estimate_type"] = type, ["total_cost"] = Math.Round(total, 6), ["currency"] = "USD" });
    }

    /// <summary>The mean billed cost of this endpoint's past requests; with none yet, one call of its base configuration.</summary>
    private static decimal HistoricalCallPrice(EmulatorContext context, ModelDescriptor model)
    {
        var billed = context.Queue.All.Where(j => j.Model.EndpointId == model.EndpointId).Select(BillingRules.Billed).OfType<(string, decimal, decimal, decimal Cost)>().ToList();
        if (billed.Count > 0) return billed.Average(b => b.Cost);
        var (_, price) = BillingRules.BasePrice(model);
        return model.IsVideo && model.Price.Basis == PriceBasis.PerSecond ? price * (model.Duration?.Default ?? 5) : price;
    }

    private static (List<ModelDescriptor> Models, List<string> Missing) Resolve(EmulatorContext context, IReadOnlyList<string> ids)
    {
        var models = ids.Select(id => context.Catalog.Models.FirstOrDefault(m => m.EndpointId == id)).ToList();
        return ([.. models.OfType<ModelDescriptor>()], [.. ids.Where((_, i) => models[i] is null)]);
    }
}
