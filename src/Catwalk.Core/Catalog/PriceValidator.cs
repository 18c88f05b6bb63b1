namespace Catwalk.Catalog;

/// <summary>Checks that a price entry has the numbers its basis needs.</summary>
internal static class PriceValidator
{
    public static void Validate(ModelDescriptor model, List<string> problems)
    {
        var p = model.Price;
        switch (p.Basis)
        {
            case PriceBasis.PerSecond or PriceBasis.PerImage when p.Usd is null && p.ByResolution.Count == 0:
                problems.Add($"price basis {p.Basis} needs usd or byResolution");
                break;
            case PriceBasis.PerClip when p.ClipSeconds is null || (p.Usd is null && p.ByResolution.Count == 0):
                problems.Add("price basis per-clip needs clipSeconds and usd or byResolution");
                break;
            case PriceBasis.VideoTokens when p.UsdPerMillionTokens is null:
                problems.Add("price basis video-tokens needs usdPerMillionTokens");
                break;
        }
        if (p.Basis == PriceBasis.PerImage && model.IsVideo) problems.Add("a video model cannot be priced per image");
        foreach (var resolution in p.ByResolution.Keys.Where(r => model.Resolutions.Count > 0 && !model.Resolutions.Contains(r)))
            problems.Add($"price.byResolution has '{resolution}', which is not one of resolutions");
    }
}
