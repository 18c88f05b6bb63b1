using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Fal.Internal;
using Microsoft.Extensions.Options;

namespace Catwalk.Fal.Platform;

/// <summary>
/// The Platform APIs over HTTP, at <see cref="FalOptions.ApiUrl"/>: queries built as fal documents them (multi-value ids
/// repeated), answers read leniently (a numeric string where a number is due), errors read from the Platform error body.
/// Retries (429, 5xx, transport) live in the named HttpClient's resilience pipeline.
/// </summary>
public sealed class FalPlatformClient(IHttpClientFactory http, IOptions<FalOptions> options) : IFalPlatformClient
{
    public async Task<FalPage<FalModel>> GetModelsAsync(FalModelQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = new QueryString()
            .AddEach("endpoint_id", query.EndpointIds).Add("q", query.Text).Add("category", query.Category).Add("status", query.Status)
            .Add("expand", query.WithOpenApi ? "openapi-3.0" : null).Add("limit", query.Limit).Add("cursor", query.Cursor);
        var json = await GetAsync("models" + q, admin: false, cancellationToken).ConfigureAwait(false);
        var models = Array(json, "models").Select(m => new FalModel(
            Text(m, "endpoint_id") ?? "",
            m?["metadata"] is JsonObject meta
                ? new FalModelMetadata(Text(meta, "display_name") ?? "", Text(meta, "category") ?? "", Text(meta, "description") ?? "", Text(meta, "status") ?? "active",
                    [.. Array(meta, "tags").Select(t => t?.ToString() ?? "")])
                : null,
            m?["openapi"] is JsonObject openapi && openapi.ContainsKey("openapi") ? openapi : null)).ToList();
        return new FalPage<FalModel>(models, Text(json, "next_cursor"));
    }

    public async Task<IReadOnlyList<FalPrice>> GetPricesAsync(IReadOnlyList<string> endpointIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpointIds);
        var prices = new List<FalPrice>();
        foreach (var chunk in endpointIds.Distinct().Chunk(50)) // fal takes 1–50 ids a call
        {
            var json = await GetAsync("models/pricing" + new QueryString().AddEach("endpoint_id", chunk), admin: false, cancellationToken).ConfigureAwait(false);
            prices.AddRange(Array(json, "prices").Select(p => new FalPrice(Text(p, "endpoint_id") ?? "", Number(p, "unit_price") ?? 0, Text(p, "unit") ?? "", Text(p, "currency") ?? "USD")));
        }
        return prices;
    }

    public Task<decimal> EstimateUnitsAsync(IReadOnlyDictionary<string, decimal> unitsByEndpoint, CancellationToken cancellationToken = default) =>
        EstimateAsync("unit_price", unitsByEndpoint.ToDictionary(e => e.Key, e => (JsonNode)new JsonObject { ["unit_quantity"] = e.Value }), cancellationToken);

    public Task<decimal> EstimateCallsAsync(IReadOnlyDictionary<string, int> callsByEndpoint, CancellationToken cancellationToken = default) =>
        EstimateAsync("historical_api_price", callsByEndpoint.ToDictionary(e => e.Key, e => (JsonNode)new JsonObject { ["call_quantity"] = e.Value }), cancellationToken);

    public async Task<FalUsage> GetUsageAsync(FalUsageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = new QueryString()
            .Add("start", query.Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)).Add("end", query.End.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))
            .AddEach("endpoint_id", query.EndpointIds).Add("timeframe", query.Timeframe).Add("bound_to_timeframe", query.BoundToTimeframe ? "true" : "false")
            .Add("expand", "summary").Add("expand", query.WithTimeSeries ? "time_series" : null);
        var json = await GetAsync("models/usage" + q, admin: true, cancellationToken).ConfigureAwait(false);
        return new FalUsage(
            [.. Array(json, "summary").Select(Line)],
            [.. Array(json, "time_series").Select(b => new FalUsageBucket(DateTimeOffset.Parse(Text(b, "bucket") ?? "", CultureInfo.InvariantCulture), [.. Array(b, "results").Select(Line)]))]);
    }

    public async Task<FalPage<FalBillingEvent>> GetBillingEventsAsync(FalBillingEventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = new QueryString()
            .Add("start", query.Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)).Add("end", query.End.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))
            .AddEach("endpoint_id", query.EndpointIds).Add("limit", query.Limit).Add("cursor", query.Cursor);
        var json = await GetAsync("models/billing-events" + q, admin: true, cancellationToken).ConfigureAwait(false);
        var events = Array(json, "billing_events").Select(e =>
        {
            // cost_total is the charge; older or thinner rows may carry only the nano-USD figure.
            var nano = e?["cost_estimate_nano_usd"] is JsonValue n && n.TryGetValue<long>(out var l) ? l : (long?)(Number(e, "cost_estimate_nano_usd") is { } d ? (long)d : null);
            var total = Number(e, "cost_total") ?? (nano is { } x ? x / 1_000_000_000m : 0);
            var subtotal = Number(e, "cost_subtotal") ?? total;
            return new FalBillingEvent(Text(e, "request_id") ?? "", Text(e, "endpoint_id") ?? "", Date(e, "timestamp") ?? default,
                Number(e, "output_units"), Number(e, "unit_price"), Number(e, "percent_discount"), subtotal, Number(e, "cost_discount") ?? subtotal - total, total, nano);
        }).ToList();
        return new FalPage<FalBillingEvent>(events, Text(json, "next_cursor"));
    }

    public async Task<FalPage<FalRequestRecord>> GetRequestsAsync(FalRequestQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = new QueryString().Add("endpoint_id", query.EndpointId)
            .Add("start", query.Start?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)).Add("end", query.End?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))
            .Add("status", query.Status).Add("request_id", query.RequestId).Add("expand", query.WithPayloads ? "payloads" : null)
            .Add("limit", query.Limit).Add("cursor", query.Cursor);
        var json = await GetAsync("models/requests/by-endpoint" + q, admin: false, cancellationToken).ConfigureAwait(false);
        var items = Array(json, "items").Select(i => new FalRequestRecord(
            Text(i, "request_id") ?? "", Text(i, "endpoint_id") ?? query.EndpointId,
            Date(i, "sent_at") ?? default, Date(i, "started_at") ?? default, Date(i, "ended_at"),
            i?["status_code"] is JsonValue code && code.TryGetValue<int>(out var c) ? c : null,
            (double?)Number(i, "duration"),
            i?["json_input"]?.DeepClone(), i?["json_output"]?.DeepClone())).ToList();
        return new FalPage<FalRequestRecord>(items, Text(json, "next_cursor"));
    }

    private async Task<decimal> EstimateAsync(string type, Dictionary<string, JsonNode> endpoints, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["estimate_type"] = type, ["endpoints"] = new JsonObject(endpoints!) };
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("models/pricing/estimate")) { Content = FalJsonContent.Create(body) };
        var json = await SendAsync(request, admin: false, cancellationToken).ConfigureAwait(false);
        return Number(json, "total_cost") ?? 0;
    }

    private async Task<JsonObject> GetAsync(string pathAndQuery, bool admin, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(pathAndQuery));
        return await SendAsync(request, admin, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> SendAsync(HttpRequestMessage request, bool admin, CancellationToken cancellationToken)
    {
        // The ADMIN key goes only on ADMIN calls; the handler adds the normal key to the rest.
        if (admin && options.Value.AdminKey is { } adminKey) request.Headers.Authorization = new AuthenticationHeaderValue("Key", adminKey.Value);
        using var response = await http.CreateClient(FalHttpClients.Platform).SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? json;
        try { json = text.Length == 0 ? null : JsonNode.Parse(text); }
        catch (JsonException) { json = null; }
        if (response.IsSuccessStatusCode && json is JsonObject ok) return ok;
        var type = Text(json?["error"], "type");
        var message = Text(json?["error"], "message") ?? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        var path = request.RequestUri!.AbsolutePath;
        var what = $"fal's Platform API ({path[(path.IndexOf("/models", StringComparison.Ordinal) is var i and >= 0 ? i : 0)..]})";
        throw new FalPlatformException(response.IsSuccessStatusCode ? $"{what} answered with something that is not a JSON object." : $"{what} refused the call: {message}", (int)response.StatusCode, type);
    }

    private Uri Url(string pathAndQuery) => new($"{options.Value.ApiUrl.ToString().TrimEnd('/')}/{pathAndQuery}");

    private static FalUsageLine Line(JsonNode? n) => new(Text(n, "endpoint_id") ?? "", Text(n, "unit") ?? "", Number(n, "quantity") ?? 0, Number(n, "unit_price") ?? 0,
        Number(n, "percent_discount"), Number(n, "cost_subtotal") ?? Number(n, "cost") ?? 0, Number(n, "cost_total") ?? Number(n, "cost") ?? 0, Text(n, "currency") ?? "USD");

    private static IEnumerable<JsonNode?> Array(JsonNode? node, string name) => node?[name] as JsonArray ?? [];

    private static string? Text(JsonNode? node, string name) => node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static DateTimeOffset? Date(JsonNode? node, string name) =>
        Text(node, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>A number, or a numeric string (some fal answers quote <c>unit_price</c>).</summary>
    private static decimal? Number(JsonNode? node, string name) => node is JsonObject o && o[name] is JsonValue v
        ? v.TryGetValue<decimal>(out var d) ? d
        : v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null
        : null;
}
