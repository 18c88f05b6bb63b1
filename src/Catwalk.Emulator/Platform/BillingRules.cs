using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Emulator.Queue;

namespace Catwalk.Emulator.Platform;

/// <summary>
/// How the emulator says fal prices and bills a model, from the catalog's price rules: the unit and unit price of its
/// base configuration (the pricing API), and what one finished request was billed (usage).
/// </summary>
internal static class BillingRules
{
    /// <summary>fal's pricing answer: one unit price per endpoint, for its base configuration (audio off, default resolution).</summary>
    public static (string Unit, decimal UnitPrice) BasePrice(ModelDescriptor model) => model.Price.Basis switch
    {
        PriceBasis.PerSecond => ("seconds", model.Price.Usd ?? model.Price.ByResolution.Values.DefaultIfEmpty(0m).Min()),
        PriceBasis.PerClip => ("videos", model.Price.Usd ?? model.Price.ByResolution.Values.DefaultIfEmpty(0m).Min()),
        PriceBasis.VideoTokens => ("1m_tokens", model.Price.UsdPerMillionTokens ?? 0m),
        _ => ("images", model.Price.Usd ?? 0m),
    };

    /// <summary>What fal billed for a finished request: units in the model's unit, the unit price, and the cost before discount; null when not billed.</summary>
    public static (string Unit, decimal Quantity, decimal UnitPrice, decimal Cost)? Billed(EmulatedJob job)
    {
        if (job.State != JobState.Completed || job.Output is not { } output) return null; // failed and cancelled requests are not billed
        var model = job.Model;
        var (unit, _) = BasePrice(model);
        if (!model.IsVideo)
        {
            var count = output["images"] is JsonArray images ? images.Count : 1;
            var each = model.Price.Usd ?? 0m;
            return (unit, count, each, each * count);
        }
        var seconds = output["video"]?["duration"] is JsonValue d && d.TryGetValue<double>(out var s) ? s : model.Duration?.Default ?? 5;
        var settings = new ModelSettings((int)Math.Round(seconds), Text(job, model.Inputs.Resolution) ?? model.DefaultResolution ?? model.Output.Resolution,
            Text(job, model.Inputs.AspectRatio) ?? model.DefaultAspectRatio, Audio(job), model.Output.Fps ?? 24);
        var cost = CostEstimator.ForVideo(model, settings).Usd;
        var quantity = model.Price.Basis switch
        {
            PriceBasis.PerSecond => settings.DurationSeconds,
            PriceBasis.VideoTokens => Math.Round(cost / Math.Max(model.Price.UsdPerMillionTokens ?? 1m, 0.000001m), 6),
            _ => 1m,
        };
        return (unit, quantity, quantity == 0 ? 0 : Math.Round(cost / quantity, 6), cost);
    }

    /// <summary>What a subtotal costs after the account's discount (percent, 0–100), rounded to fal's six decimals.</summary>
    public static decimal Discounted(decimal subtotal, decimal percentDiscount) => Math.Round(subtotal * (100 - percentDiscount) / 100, 6);

    private static bool Audio(EmulatedJob job)
    {
        var model = job.Model;
        if (!model.Audio.Generates) return false;
        return model.Inputs.Audio is { } field && job.Input[field] is JsonValue v && v.TryGetValue<bool>(out var on) ? on : model.Audio.Default || model.Inputs.Audio is null;
    }

    private static string? Text(EmulatedJob job, string? field) => field is not null && job.Input[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
