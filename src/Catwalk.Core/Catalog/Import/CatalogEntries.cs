using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Catwalk.Catalog.Import;

/// <summary>A model as a catalog file entry (camelCase, kebab-case enums, defaults left out), the form <c>models add</c> and <c>models sync --apply</c> write.</summary>
public static class CatalogEntries
{
    private static readonly JsonSerializerOptions Options = new(CatalogJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault };

    public static JsonObject ToJson(ModelDescriptor model) => JsonSerializer.SerializeToNode(model, Options)!.AsObject();

    public static JsonObject ToJson(SchemaField field) => JsonSerializer.SerializeToNode(field, Options)!.AsObject();

    public static JsonObject ToJson(PriceSpec price) => JsonSerializer.SerializeToNode(price, Options)!.AsObject();
}
