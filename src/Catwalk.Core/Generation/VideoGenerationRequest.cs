namespace Catwalk.Generation;

/// <summary>What to animate: a prompt and the first-frame image, as a URL fal can fetch or a data URI
/// (a string, because System.Uri refuses data URIs over 64 KB).</summary>
public sealed record VideoGenerationRequest(string Prompt, string Image);
