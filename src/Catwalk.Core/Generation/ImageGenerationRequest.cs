using Catwalk.Domain;

namespace Catwalk.Generation;

/// <summary>A prompt and the reference images (URLs or data URIs), in the order the prompt refers to them.</summary>
public sealed record ImageGenerationRequest(string Prompt, IReadOnlyList<string> References)
{
    /// <summary>
    /// What each of <see cref="ImageGenerationRequest.References"/> is (same order). A try-on model needs it to tell the
    /// person from the garments; without it the first reference is the person and the rest are garments.
    /// </summary>
    public IReadOnlyList<ReferenceRole>? Roles { get; init; }
}
