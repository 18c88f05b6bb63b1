using System.Globalization;

namespace Catwalk.Catalog;

/// <summary>Prices a job from the catalog the way fal bills it (per second, per clip, per token or per image).</summary>
public static class CostEstimator
{
    public static CostEstimate ForVideo(ModelDescriptor model, ModelSettings settings)
    {
        var p = model.Price;
        var seconds = settings.DurationSeconds;
        var resolution = settings.Resolution ?? "";
        decimal usd;
        string basis;
        switch (p.Basis)
        {
            case PriceBasis.PerSecond:
                var rate = p.ByResolution.TryGetValue(resolution, out var byRes) ? byRes
                    : settings.Audio && p.UsdWithAudio is { } withAudio ? withAudio
                    : p.Usd ?? 0m;
                usd = rate * seconds;
                basis = $"{seconds} s × ${rate.ToString("0.###", CultureInfo.InvariantCulture)}/s" + (settings.Audio && p.UsdWithAudio is not null ? " (audio)" : "");
                break;
            case PriceBasis.PerClip:
                var clip = p.ByResolution.TryGetValue(resolution, out var clipRes) ? clipRes : p.Usd ?? 0m;
                var clipSeconds = p.ClipSeconds ?? 5;
                var durationFactor = p.DurationMultipliers.TryGetValue(seconds.ToString(CultureInfo.InvariantCulture), out var dm)
                    ? dm : Math.Ceiling((decimal)seconds / clipSeconds);
                var resolutionFactor = p.ResolutionMultipliers.TryGetValue(resolution, out var rm) ? rm : 1m;
                usd = clip * durationFactor * resolutionFactor;
                basis = $"${clip.ToString("0.###", CultureInfo.InvariantCulture)} per {clipSeconds} s clip × {durationFactor} × {resolutionFactor}";
                break;
            case PriceBasis.VideoTokens:
                var (width, height) = VideoGeometry.Size(settings.Resolution ?? "720p", settings.AspectRatio);
                var fps = p.TokenFps ?? settings.Fps;
                var tokens = (decimal)width * height * fps * seconds / 1024m;
                var perMillion = settings.Audio && p.UsdPerMillionTokensWithAudio is { } a ? a : p.UsdPerMillionTokens ?? 0m;
                usd = tokens * perMillion / 1_000_000m;
                basis = $"{tokens:0} tokens × ${perMillion.ToString("0.###", CultureInfo.InvariantCulture)}/M";
                break;
            default:
                throw new InvalidOperationException($"Model '{model.Key}' is priced {p.Basis}, not as a video.");
        }
        return new CostEstimate(Math.Round(usd, 4), basis, p.Verified);
    }

    public static CostEstimate ForImages(ModelDescriptor model, int count)
    {
        var each = model.Price.Usd ?? 0m;
        return new CostEstimate(Math.Round(each * count, 4), $"{count} image(s) × ${each.ToString("0.###", CultureInfo.InvariantCulture)}", model.Price.Verified);
    }
}
