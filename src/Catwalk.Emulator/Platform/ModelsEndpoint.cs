using System.Text.Json.Nodes;
using Catwalk.Emulator.Endpoints;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Emulator.Platform;

/// <summary><c>GET /v1/models</c>: list (no parameters), find (<c>endpoint_id</c>), search (<c>q</c>, <c>category</c>, <c>status</c>), cursor paging, <c>expand=openapi-3.0</c>.</summary>
internal static class ModelsEndpoint
{
    private static readonly string[] Expansions = ["openapi-3.0", "enterprise_status"];

    public static IResult List(HttpContext http, EmulatorContext context)
    {
        var request = http.Request;
        var ids = PlatformQuery.Values(request, "endpoint_id");
        if (ids.Count > 50) return PlatformError.Validation($"endpoint_id takes 1 to 50 ids, not {ids.Count}.");
        var expand = PlatformQuery.Values(request, "expand");
        if (expand.FirstOrDefault(e => !Expansions.Contains(e)) is { } unknown)
            return PlatformError.Validation($"expand '{unknown}' is not one of {string.Join(", ", Expansions)}.");
        var status = request.Query["status"].ToString();
        if (status.Length > 0 && status is not ("active" or "deprecated")) return PlatformError.Validation($"status '{status}' is not one of active, deprecated.");
        if (PlatformQuery.Limit(request, 50, 100) is not { } limit) return PlatformError.Validation("limit must be a whole number from 1 to 100.");
        if (PlatformQuery.Page(request) is not { } page) return PlatformError.Validation("cursor is not one this API returned.");
        var q = request.Query["q"].ToString().Trim();
        var category = request.Query["category"].ToString().Trim();

        var models = context.Catalog.Models
            .Where(m => ids.Count == 0 || ids.Contains(m.EndpointId))
            .Where(m => category.Length == 0 || ModelListing.Category(m) == category)
            .Where(m => status.Length == 0 || ModelListing.Status(m, context) == status)
            .Where(m => q.Length == 0 || q.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word => ModelListing.SearchText(m).Contains(word, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => m.EndpointId, StringComparer.Ordinal)
            .ToList();
        var pageItems = models.Skip(page * limit).Take(limit).ToList();
        var hasMore = models.Count > (page + 1) * limit;
        var authenticated = request.Headers.Authorization.Count > 0;
        return Results.Json(new JsonObject
        {
            ["models"] = new JsonArray([.. pageItems.Select(m =>
            {
                var item = ModelListing.For(m, context, expand.Contains("openapi-3.0"), authenticated);
                if (expand.Contains("enterprise_status")) item["enterprise_status"] = "ready";
                return (JsonNode)item;
            })]),
            ["next_cursor"] = PlatformQuery.CursorAfter(page, hasMore),
            ["has_more"] = hasMore,
        });
    }
}
