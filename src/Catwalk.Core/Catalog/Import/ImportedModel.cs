using System.Text.Json.Nodes;

namespace Catwalk.Catalog.Import;

/// <summary>A catalog entry inferred from fal's OpenAPI (in the catalog file's JSON form), and what was inferred, line by line.</summary>
public sealed record ImportedModel(string Key, JsonObject Entry, IReadOnlyList<string> Inferred, IReadOnlyList<string> Warnings);
