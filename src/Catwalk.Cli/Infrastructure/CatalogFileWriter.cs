using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Domain;

namespace Catwalk.Cli.Infrastructure;

/// <summary>Adds or replaces entries (by key) in a catalog file, written whole to a temporary file and moved over the old one.</summary>
internal static class CatalogFileWriter
{
    /// <returns>The keys that replaced an entry already there.</returns>
    public static IReadOnlyList<string> Upsert(string path, IEnumerable<JsonObject> entries)
    {
        JsonObject document;
        try
        {
            document = File.Exists(path)
                ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidInputException($"{path} is not a catalog file (not a JSON object).")
                : new JsonObject { ["version"] = 1, ["models"] = new JsonArray() };
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"{path} is not valid JSON ({e.Message.Split(" Path:")[0]}); fix or move it, then try again.");
        }
        var models = document["models"] as JsonArray ?? new JsonArray();
        document["models"] = models;
        var replaced = new List<string>();
        foreach (var entry in entries)
        {
            var key = entry["key"]!.ToString();
            var index = models.Select((m, i) => (m, i)).FirstOrDefault(x => x.m?["key"]?.ToString() == key, (null, -1)).Item2;
            if (index >= 0) { models[index] = entry.DeepClone(); replaced.Add(key); }
            else models.Add(entry.DeepClone());
        }
        var temp = path + ".tmp";
        File.WriteAllText(temp, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.Move(temp, path, overwrite: true);
        return replaced;
    }
}
