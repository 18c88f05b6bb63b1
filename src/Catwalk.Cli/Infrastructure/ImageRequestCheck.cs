using Catwalk.Catalog;
using Catwalk.Domain;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// What <c>catwalk image</c> asks of its model, checked against the catalog before anything is stored, started or sent:
/// a try-on model gets one person and at most garments-per-call garments (and no face: it keeps the person's own),
/// a multi-image model at most its reference limit.
/// </summary>
internal static class ImageRequestCheck
{
    public static void ThrowIfUnfit(ModelDescriptor model, bool hasPrompt, bool hasPerson, bool hasFace, int garments)
    {
        var name = $"{model.Key} ({model.DisplayName})";
        if (model.IsVideo)
            throw new InvalidInputException($"--model {model.Key} is a video model; the image stage needs an image model (catwalk models lists them).");
        if (!hasPrompt && model.Inputs.Prompt is not null) throw new InvalidInputException("--prompt is required: describe the image.");
        if (model.TryOn is { } tryOn)
        {
            if (!hasPerson) throw new InvalidInputException($"{name} is a try-on model: give the person first (--ref person.jpg), then the garment (--ref top.png).");
            if (hasFace) throw new InvalidInputException($"{name} keeps the person's own face and takes no face picture: leave --face out.");
            if (garments == 0) throw new InvalidInputException($"{name} needs a garment to dress the person in: add --ref garment.png after the person.");
            if (garments > tryOn.GarmentsPerCall)
                throw new InvalidInputException($"{name} dresses {tryOn.GarmentsPerCall} garment per call, not {garments}: give one --ref garment after the person (a run chains one call per garment).");
            return;
        }
        var references = (hasPerson ? 1 : 0) + (hasFace ? 1 : 0) + garments;
        if (model.ReferenceImages is { Max: var max } && references > max)
            throw new InvalidInputException($"{name} takes at most {max} reference images per call, not {references}: give fewer --ref pictures.");
        if (references > 0 && model.Inputs.Images is null)
            throw new InvalidInputException($"{name} takes no reference images: leave --ref out, or choose an edit model (--model nano-banana-edit).");
    }
}
