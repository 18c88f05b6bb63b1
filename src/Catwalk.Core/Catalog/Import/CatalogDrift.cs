using System.Globalization;
using System.Text.Json.Nodes;

namespace Catwalk.Catalog.Import;

/// <summary>
/// A catalog model against fal's current OpenAPI and price: what changed (<see cref="Compare"/>), and the entry with fal's
/// schema and base price taken over (<see cref="Apply"/>). fal's pricing API gives one unit price, for the base
/// configuration (audio off, default resolution); the catalog's variants (audio, resolutions) keep their ratio to it and
/// are marked derived.
/// </summary>
public static class CatalogDrift
{
    public static IReadOnlyList<DriftChange> Compare(ModelDescriptor model, IReadOnlyList<SchemaField>? falSchema, PublishedPrice? price, bool deprecated)
    {
        if (falSchema is null) return [new DriftChange(model.Key, DriftKind.EndpointGone, null, model.EndpointId, null)];
        var changes = new List<DriftChange>();
        if (deprecated) changes.Add(new DriftChange(model.Key, DriftKind.EndpointDeprecated, null, "active", "deprecated"));
        var fal = falSchema.ToDictionary(f => f.Name);
        foreach (var ours in model.Schema)
        {
            if (!fal.TryGetValue(ours.Name, out var theirs)) { changes.Add(new DriftChange(model.Key, DriftKind.FieldGone, ours.Name, Describe(ours), null)); continue; }
            if (ours.Type != theirs.Type) changes.Add(new DriftChange(model.Key, DriftKind.TypeChanged, ours.Name, ours.Type, theirs.Type));
            if (ours.Required != theirs.Required) changes.Add(new DriftChange(model.Key, DriftKind.RequiredChanged, ours.Name, Yes(ours.Required), Yes(theirs.Required)));
            if (Values(ours.Enum) != Values(theirs.Enum)) changes.Add(new DriftChange(model.Key, DriftKind.EnumChanged, ours.Name, Values(ours.Enum) ?? "any", Values(theirs.Enum) ?? "any"));
            if (ours.Default?.ToJsonString() != theirs.Default?.ToJsonString()) changes.Add(new DriftChange(model.Key, DriftKind.DefaultChanged, ours.Name, ours.Default?.ToJsonString() ?? "none", theirs.Default?.ToJsonString() ?? "none"));
        }
        foreach (var theirs in falSchema.Where(f => model.Field(f.Name) is null))
            changes.Add(new DriftChange(model.Key, DriftKind.FieldAdded, theirs.Name, null, Describe(theirs)));
        if (price is not null)
        {
            var (basePrice, unit) = BasePrice(model);
            if (!Compatible(unit, price.Unit)) changes.Add(new DriftChange(model.Key, DriftKind.PriceUnitChanged, null, unit, price.Unit));
            else if (basePrice != price.UnitPrice) changes.Add(new DriftChange(model.Key, DriftKind.PriceChanged, null, Money(basePrice, unit), Money(price.UnitPrice, unit)));
        }
        return changes;
    }

    /// <summary>The catalog entry with fal's schema, the durations and resolutions its enums now allow, and fal's base price (variants derived).</summary>
    /// <exception cref="UnusableModelException">fal dropped a field Catwalk cannot run the model without (prompt, image, duration, a try-on's person or garment).</exception>
    public static JsonObject Apply(ModelDescriptor model, IReadOnlyList<SchemaField> falSchema, PublishedPrice? price)
    {
        var fal = falSchema.ToDictionary(f => f.Name);
        var essential = new[] { model.Inputs.Prompt, model.Inputs.Image, model.Inputs.Images, model.Duration?.Field, model.TryOn?.PersonField, model.TryOn?.GarmentField }.OfType<string>();
        if (essential.FirstOrDefault(f => !fal.ContainsKey(f)) is { } lost)
            throw new UnusableModelException($"{model.Key}: fal no longer takes {lost}, which Catwalk needs to run it; edit its catalog entry by hand.");
        var entry = CatalogEntries.ToJson(model);
        entry["schema"] = new JsonArray([.. falSchema.Select(f => (JsonNode)CatalogEntries.ToJson(f))]);
        // An optional input fal dropped is no longer sent: its mapping goes (the feature with it).
        if (entry["inputs"] is JsonObject inputs)
            foreach (var (name, field) in inputs.ToList())
                if (field?.ToString() is { } f && !fal.ContainsKey(f) && !essential.Contains(f)) inputs.Remove(name);
        if (model.Inputs.Resolution is { } gone && !fal.ContainsKey(gone)) { entry.Remove("resolutions"); entry.Remove("defaultResolution"); entry["output"]!["resolution"] ??= model.DefaultResolution ?? "720p"; }
        if (model.Inputs.AspectRatio is { } ratio && !fal.ContainsKey(ratio)) { entry.Remove("aspectRatios"); entry.Remove("defaultAspectRatio"); }
        if (model.Duration is { } d && fal.GetValueOrDefault(d.Field)?.Enum is { Count: > 0 } durations && d.Format != DurationFormat.Frames)
            entry["duration"]!["allowed"] = new JsonArray([.. durations.Select(v => (JsonNode)int.Parse(v!.ToString().TrimEnd('s'), CultureInfo.InvariantCulture))]);
        if (model.Inputs.Resolution is { } r && fal.GetValueOrDefault(r)?.Enum is { Count: > 0 } resolutions)
            entry["resolutions"] = new JsonArray([.. resolutions.Select(v => (JsonNode?)JsonValue.Create(v!.ToString()))]);
        if (price is not null && Compatible(BasePrice(model).Unit, price.Unit)) entry["price"] = Price(model, price);
        using var check = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["version"] = 1, ["models"] = new JsonArray(entry.DeepClone()) }.ToJsonString()));
        try { ModelCatalog.Load(check, $"{model.Key} as synced"); }
        catch (CatalogException e) { throw new UnusableModelException($"{model.Key}: fal's schema no longer fits its catalog entry ({e.Message}); edit it by hand."); }
        return entry;
    }

    private static JsonObject Price(ModelDescriptor model, PublishedPrice price)
    {
        var p = model.Price;
        var (old, _) = BasePrice(model);
        var ratio = old == 0 ? 1 : price.UnitPrice / old;
        decimal? Scale(decimal? v) => v is { } x ? Math.Round(x * ratio, 6) : null;
        var updated = p with
        {
            Usd = p.Basis == PriceBasis.VideoTokens ? p.Usd : price.UnitPrice,
            UsdPerMillionTokens = p.Basis == PriceBasis.VideoTokens ? price.UnitPrice : p.UsdPerMillionTokens,
            UsdWithAudio = Scale(p.UsdWithAudio),
            UsdPerMillionTokensWithAudio = Scale(p.UsdPerMillionTokensWithAudio),
            ByResolution = p.ByResolution.ToDictionary(x => x.Key, x => Math.Round(x.Value * ratio, 6)),
            Verified = true,
            Note = $"fal pricing API, {price.AsOf:yyyy-MM-dd}: ${price.UnitPrice.ToString("0.####", CultureInfo.InvariantCulture)} per {price.Unit} (base)"
                   + (p.UsdWithAudio is not null || p.ByResolution.Count > 0 || p.UsdPerMillionTokensWithAudio is not null ? "; audio/resolution variants derived from the published ratios" : ""),
        };
        return CatalogEntries.ToJson(updated);
    }

    /// <summary>The catalog's price of the base configuration, in the unit fal would bill it.</summary>
    private static (decimal Price, string Unit) BasePrice(ModelDescriptor model)
    {
        var p = model.Price;
        var atDefault = model.DefaultResolution is { } res && p.ByResolution.TryGetValue(res, out var r) ? r : (decimal?)null;
        return p.Basis switch
        {
            PriceBasis.PerSecond => (atDefault ?? p.Usd ?? p.ByResolution.Values.DefaultIfEmpty(0).Min(), "seconds"),
            PriceBasis.PerClip => (atDefault ?? p.Usd ?? 0, "videos"),
            PriceBasis.VideoTokens => (p.UsdPerMillionTokens ?? 0, "1m_tokens"),
            _ => (p.Usd ?? 0, "images"),
        };
    }

    private static bool Compatible(string ours, string fal) => fal.Trim().ToLowerInvariant() switch
    {
        "seconds" or "second" or "s" => ours == "seconds",
        "videos" or "video" or "requests" or "request" => ours == "videos",
        "images" or "image" => ours == "images",
        var other => other.Replace(" ", "_") == ours,
    };

    private static string Money(decimal usd, string unit) => $"${usd.ToString("0.####", CultureInfo.InvariantCulture)}/{unit}";

    private static string Yes(bool value) => value ? "required" : "optional";

    private static string? Values(IReadOnlyList<JsonNode?>? values) => values is null ? null : string.Join(", ", values.Select(v => v?.ToJsonString() ?? "null"));

    private static string Describe(SchemaField f) => f.Type + (f.Required ? ", required" : "") + (f.Enum is { } e ? $", one of {Values(e)}" : "") + (f.Default is { } d ? $", default {d.ToJsonString()}" : "");
}
