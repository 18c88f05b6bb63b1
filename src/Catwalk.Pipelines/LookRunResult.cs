namespace Catwalk.Pipelines;

/// <summary>The image made for the look and every model's video of it.</summary>
public sealed record LookRunResult(ImageStageResult Image, VideoStageResult Videos);
