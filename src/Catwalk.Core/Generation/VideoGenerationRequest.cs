namespace Catwalk.Generation;

/// <summary>What to animate: a prompt and the first-frame image (a URL fal can fetch, or a data URI).</summary>
public sealed record VideoGenerationRequest(string Prompt, Uri Image);
