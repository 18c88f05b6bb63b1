using Catwalk.Catalog;

namespace Catwalk.Pipelines;

/// <summary>One model's planned job: the fitted request (exact arguments, settings, adjustments) and its estimated cost.</summary>
public sealed record PlannedVideo(ModelDescriptor Model, FittedVideoRequest Fitted, CostEstimate Cost);
