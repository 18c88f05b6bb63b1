using System.Text.Json.Nodes;

namespace Catwalk.Catalog.Import;

/// <summary>Reading a fal queue OpenAPI document: the POST's input schema through its <c>$ref</c>, and a property's type through <c>anyOf</c> and nulls.</summary>
internal sealed class OpenApiSchema(JsonObject document)
{
    /// <summary>The input schema of <c>POST /{endpointId}</c>; null when the document has no such path.</summary>
    public JsonObject? Input(string endpointId)
    {
        var paths = document["paths"] as JsonObject;
        var post = paths?.FirstOrDefault(p => p.Key.Trim('/') == endpointId && p.Value?["post"] is not null).Value?["post"]
                   ?? paths?.Select(p => p.Value?["post"]).FirstOrDefault(p => p?["requestBody"] is not null);
        return Resolve(post?["requestBody"]?["content"]?["application/json"]?["schema"]);
    }

    /// <summary>The output schema (the 200 of <c>GET …/requests/{request_id}</c>).</summary>
    public JsonObject? Output()
    {
        var paths = document["paths"] as JsonObject;
        var get = paths?.FirstOrDefault(p => p.Key.EndsWith("/requests/{request_id}", StringComparison.Ordinal)).Value?["get"];
        return Resolve(get?["responses"]?["200"]?["content"]?["application/json"]?["schema"]);
    }

    public JsonObject? Resolve(JsonNode? schema)
    {
        for (var depth = 0; depth < 8 && schema is JsonObject o && o["$ref"] is JsonValue r && r.TryGetValue<string>(out var reference); depth++)
            schema = reference.StartsWith("#/", StringComparison.Ordinal)
                ? reference[2..].Split('/').Aggregate((JsonNode?)document, (node, part) => node?[part.Replace("~1", "/").Replace("~0", "~")])
                : null;
        return schema as JsonObject;
    }

    /// <summary>
    /// The one concrete schema of a property: <c>anyOf [X, null]</c> is X; <c>anyOf [object preset, string enum]</c> is the
    /// string enum (Catwalk sends presets); a <c>$ref</c> is followed.
    /// </summary>
    public JsonObject Concrete(JsonNode? property)
    {
        var resolved = Resolve(property) ?? new JsonObject();
        if (resolved["anyOf"] is JsonArray any)
        {
            var options = any.Select(Resolve).OfType<JsonObject>().Where(o => Type(o) != "null").ToList();
            var chosen = options.FirstOrDefault(o => o["enum"] is JsonArray) ?? options.FirstOrDefault(o => Type(o) != "object") ?? options.FirstOrDefault();
            if (chosen is not null)
            {
                var merged = (JsonObject)chosen.DeepClone();
                foreach (var key in new[] { "default", "title", "description", "examples" })
                    if (resolved[key] is { } value && !merged.ContainsKey(key)) merged[key] = value.DeepClone();
                return merged;
            }
        }
        return resolved;
    }

    public static string? Type(JsonObject schema) => schema["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
}
