namespace Catwalk.Pipelines.Journal;

/// <summary>
/// A job a pipeline is about to run: which stage, model and input, its cache key (always recorded, so later runs
/// can reuse it) and whether this run may reuse an earlier result, and what it should cost.
/// </summary>
public sealed record JobStart(Catwalk.Domain.StageKind Stage, string ModelKey, string EndpointId, string InputKey, string CacheKey, decimal EstimatedCostUsd, bool UseCache = true);
