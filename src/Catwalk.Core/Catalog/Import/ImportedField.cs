using System.Text.Json.Nodes;

namespace Catwalk.Catalog.Import;

/// <summary>One input property as read from an OpenAPI schema, written back as a catalog <c>schema</c> entry.</summary>
internal sealed record ImportedField(string Name, string Type, bool Required, JsonNode? Default, IReadOnlyList<JsonNode?>? Enum,
    int? MinLength, int? MaxLength, double? Minimum, double? Maximum, bool IsMediaUrl)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["name"] = Name, ["type"] = Type };
        if (Required) json["required"] = true;
        if (Default is not null) json["default"] = Default.DeepClone();
        if (Enum is not null) json["enum"] = new JsonArray([.. Enum.Select(v => v?.DeepClone())]);
        if (MinLength is { } minLength) json["minLength"] = minLength;
        if (MaxLength is { } maxLength) json["maxLength"] = maxLength;
        if (Minimum is { } minimum) json["minimum"] = minimum;
        if (Maximum is { } maximum) json["maximum"] = maximum;
        if (IsMediaUrl) json["format"] = "media-url";
        return json;
    }
}
