using System.Text.Json;
using System.Text.Json.Serialization;

namespace Catwalk.Catalog;

/// <summary>The JSON conventions of catalog files: camelCase keys, kebab-case enum values, comments allowed.</summary>
internal static class CatalogJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };
}
