namespace Catwalk.Generation;

/// <summary>A prompt and the reference images (URLs or data URIs), in the order the prompt refers to them.</summary>
public sealed record ImageGenerationRequest(string Prompt, IReadOnlyList<string> References);
