namespace Catwalk.Generation;

/// <summary>
/// A generation fal has accepted: its request id and when it was sent. All a later attempt needs to collect the result
/// instead of paying for it again (<see cref="VideoGenerationOptions.Continuation"/>, <see cref="ImageGenerationOptions.Continuation"/>).
/// </summary>
public sealed record GenerationContinuation(string RequestId, DateTimeOffset SubmittedAt);
