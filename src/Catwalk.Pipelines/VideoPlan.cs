using Catwalk.Catalog;

namespace Catwalk.Pipelines;

/// <summary>What a video stage will send to each model and what it should cost, known before anything is paid.</summary>
public sealed record VideoPlan(IReadOnlyList<PlannedVideo> Items, FitPolicy Policy)
{
    public decimal EstimatedUsd => Items.Sum(i => i.Cost.Usd);
}
