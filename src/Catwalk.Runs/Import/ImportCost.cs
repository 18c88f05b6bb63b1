using Catwalk.Domain;
using Catwalk.Catalog;

namespace Catwalk.Runs.Import;

/// <summary>What an imported job is expected to have cost, and what it is taken to have paid.</summary>
internal static class ImportCost
{
    /// <summary>
    /// The recorded estimate, else the catalog's price for what the file describes (the original tool recorded no
    /// cost); paid is the recorded cost, else nothing for an emulated job, else that estimate. Both unknown (0, null)
    /// for a model the catalog does not list.
    /// </summary>
    public static (decimal Estimated, decimal? Paid) Of(Sidecar sidecar, ModelDescriptor? model, StageKind stage, int images)
    {
        var estimated = sidecar.EstimatedCostUsd ?? FromCatalog(model, stage, sidecar.DurationSec, images);
        var paid = sidecar.CostUsd ?? (sidecar.Emulated ? 0m : estimated);
        return (estimated ?? 0m, paid);
    }

    private static decimal? FromCatalog(ModelDescriptor? model, StageKind stage, double? durationSec, int images)
    {
        if (model is null) return null;
        if (stage == StageKind.Image)
            return model.Price.Basis == PriceBasis.PerImage ? CostEstimator.ForImages(model, Math.Max(images, 1)).Usd : null;
        if (!model.IsVideo) return null;
        try
        {
            // Only the duration is recorded, so the model's defaults stand in for the other settings that set the price.
            var settings = new VideoSettings { DurationSeconds = durationSec is { } d ? (int)Math.Round(d) : null };
            var fitted = VideoRequestFitter.Fit(model, "", "", settings, FitPolicy.Nearest);
            return CostEstimator.ForVideo(model, fitted.Settings).Usd;
        }
        catch (Exception e) when (e is UnsupportedSettingException or ArgumentException or InvalidOperationException)
        {
            return null; // a duration the catalog cannot price: unknown rather than wrong
        }
    }
}
