using Catwalk.Domain;

namespace Catwalk.Runs.Recommendation;

/// <summary>The stage and the looks a recommendation is about: "video models", "video models, setting 'urban cafe'", "image models".</summary>
public sealed record RecommendationScope(StageKind Stage, ScopeKind Kind = ScopeKind.All, string? Value = null)
{
    public string Label => (Stage == StageKind.Image ? "Image models" : "Video models") + Kind switch
    {
        ScopeKind.Setting => $", setting '{Value}'",
        ScopeKind.Apparel => $", apparel '{Value}'",
        _ => "",
    };

    /// <summary>What the cost criterion is per: a video second, or an image.</summary>
    public string CostUnit => Stage == StageKind.Image ? "image" : "video second";
}
