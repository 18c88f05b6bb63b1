using System.Text.Json.Nodes;
using Catwalk.Catalog;

namespace Catwalk.Emulator.Platform;

/// <summary>
/// A model's queue OpenAPI document in fal's layout (OpenAPI 3.0.4, <c>info.x-fal-metadata</c>, four paths at the full
/// endpoint id, <c>QueueStatus</c>, <c>&lt;X&gt;Input</c>/<c>&lt;X&gt;Output</c> reached through the POST's <c>$ref</c>),
/// built from the published input schema the emulator validates against.
/// </summary>
internal static class QueueOpenApi
{
    public static JsonObject For(ModelDescriptor model, Uri baseUri)
    {
        var name = SchemaName(model.EndpointId);
        var id = model.EndpointId;
        var requestId = new JsonArray(new JsonObject { ["name"] = "request_id", ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        return new JsonObject
        {
            ["openapi"] = "3.0.4",
            ["info"] = new JsonObject
            {
                ["title"] = $"Queue OpenAPI for {id}", ["version"] = "1.0.0", ["description"] = $"The OpenAPI schema for the {id} queue.",
                ["x-fal-metadata"] = new JsonObject
                {
                    ["endpointId"] = id, ["category"] = ModelListing.Category(model),
                    ["thumbnailUrl"] = $"{baseUri}files/thumbnails/{model.Key}.png",
                    ["playgroundUrl"] = $"https://fal.ai/models/{id}", ["documentationUrl"] = $"https://fal.ai/models/{id}/api",
                },
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "https://queue.fal.run" }),
            ["security"] = new JsonArray(new JsonObject { ["apiKeyAuth"] = new JsonArray() }),
            ["paths"] = new JsonObject
            {
                [$"/{id}/requests/{{request_id}}/status"] = new JsonObject
                {
                    ["get"] = new JsonObject
                    {
                        ["parameters"] = new JsonArray(requestId[0]!.DeepClone(), new JsonObject { ["name"] = "logs", ["in"] = "query", ["required"] = false, ["schema"] = new JsonObject { ["type"] = "number", ["description"] = "Whether to include logs (`1`) in the response or not (`0`)." } }),
                        ["responses"] = Ok(Ref("QueueStatus")),
                    },
                },
                [$"/{id}/requests/{{request_id}}/cancel"] = new JsonObject
                {
                    ["put"] = new JsonObject
                    {
                        ["parameters"] = requestId.DeepClone(),
                        ["responses"] = Ok(new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["success"] = new JsonObject { ["type"] = "boolean" } } }),
                    },
                },
                [$"/{id}"] = new JsonObject
                {
                    ["post"] = new JsonObject
                    {
                        ["requestBody"] = new JsonObject { ["required"] = true, ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(name + "Input") } } },
                        ["responses"] = Ok(Ref("QueueStatus")),
                    },
                },
                [$"/{id}/requests/{{request_id}}"] = new JsonObject
                {
                    ["get"] = new JsonObject { ["parameters"] = requestId.DeepClone(), ["responses"] = Ok(Ref(name + "Output")) },
                },
            },
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject { ["apiKeyAuth"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "Authorization", ["description"] = "Fal Key" } },
                ["schemas"] = new JsonObject
                {
                    ["QueueStatus"] = QueueStatus(),
                    [name + "Input"] = Input(model),
                    [name + "Output"] = Output(model),
                    ["File"] = FileSchema(false),
                    ["VideoFile"] = FileSchema(true),
                },
            },
        };
    }

    /// <summary>PascalCase of the path after the owner, punctuation dropped (<c>fal-ai/kling-video/v2.5-turbo/pro/image-to-video</c> → <c>KlingVideoV25TurboProImageToVideo</c>).</summary>
    internal static string SchemaName(string endpointId) =>
        string.Concat(endpointId.Split('/').Skip(1).SelectMany(part => part.Split('-', '_')).Select(word =>
        {
            var letters = new string([.. word.Where(char.IsLetterOrDigit)]);
            return letters.Length == 0 ? "" : char.ToUpperInvariant(letters[0]) + letters[1..];
        }));

    private static JsonObject Input(ModelDescriptor model)
    {
        var properties = new JsonObject();
        foreach (var field in model.Schema) properties[field.Name] = Property(field);
        var schema = new JsonObject
        {
            ["title"] = SchemaName(model.EndpointId) + "Input", ["type"] = "object", ["properties"] = properties,
            ["x-fal-order-properties"] = new JsonArray([.. model.Schema.Select(f => (JsonNode)f.Name)]),
        };
        var required = model.Schema.Where(f => f.Required).Select(f => (JsonNode)f.Name).ToArray();
        if (required.Length > 0) schema["required"] = new JsonArray(required);
        return schema;
    }

    private static JsonObject Property(SchemaField field)
    {
        var property = field.Type == "string[]"
            ? new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } }
            : new JsonObject { ["type"] = field.Type };
        property["title"] = string.Join(' ', field.Name.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
        if (field.Enum is { } values) property["enum"] = new JsonArray([.. values.Select(v => v?.DeepClone())]);
        if (field.Default is { } d) property["default"] = d.DeepClone();
        if (field.MinLength is { } minLength) property["minLength"] = minLength;
        if (field.MaxLength is { } maxLength) property["maxLength"] = maxLength;
        if (field.Minimum is { } minimum) property["minimum"] = minimum;
        if (field.Maximum is { } maximum) property["maximum"] = maximum;
        if (field.Format == "media-url") property["description"] = "URL of the input media. Formats: JPEG, JPG, PNG, WEBP.";
        return property;
    }

    private static JsonObject Output(ModelDescriptor model)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        if (model.IsVideo)
        {
            properties[OutputMedia.Video.Name()] = Ref("VideoFile");
            required.Add(OutputMedia.Video.Name());
            if (model.Output.IncludesSeed) { properties["seed"] = new JsonObject { ["type"] = "integer" }; required.Add("seed"); }
        }
        else if (model.Output.Media == OutputMedia.Image)
        {
            properties[OutputMedia.Image.Name()] = Ref("File");
            required.Add(OutputMedia.Image.Name());
        }
        else
        {
            properties[OutputMedia.Images.Name()] = new JsonObject { ["type"] = "array", ["items"] = Ref("File") };
            properties["description"] = new JsonObject { ["type"] = "string" };
            required.Add(OutputMedia.Images.Name());
        }
        return new JsonObject { ["title"] = SchemaName(model.EndpointId) + "Output", ["type"] = "object", ["properties"] = properties, ["required"] = required };
    }

    private static JsonObject QueueStatus() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["status"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("IN_QUEUE", "IN_PROGRESS", "COMPLETED") },
            ["request_id"] = new JsonObject { ["type"] = "string" },
            ["response_url"] = new JsonObject { ["type"] = "string" },
            ["status_url"] = new JsonObject { ["type"] = "string" },
            ["cancel_url"] = new JsonObject { ["type"] = "string" },
            ["logs"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = true },
            ["metrics"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = true },
            ["queue_position"] = new JsonObject { ["type"] = "integer" },
        },
        ["required"] = new JsonArray("status", "request_id"),
    };

    private static JsonObject FileSchema(bool video)
    {
        var properties = new JsonObject
        {
            ["url"] = new JsonObject { ["type"] = "string" }, ["content_type"] = new JsonObject { ["type"] = "string" },
            ["file_name"] = new JsonObject { ["type"] = "string" }, ["file_size"] = new JsonObject { ["type"] = "integer" },
        };
        if (video)
            foreach (var (field, type) in new[] { ("width", "integer"), ("height", "integer"), ("fps", "number"), ("duration", "number"), ("num_frames", "integer") })
                properties[field] = new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = type }, new JsonObject { ["type"] = "null" }) };
        return new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = new JsonArray("url") };
    }

    private static JsonObject Ref(string schema) => new() { ["$ref"] = $"#/components/schemas/{schema}" };

    private static JsonObject Ok(JsonObject schema) =>
        new() { ["200"] = new JsonObject { ["description"] = "Successful Response", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema } } } };
}
