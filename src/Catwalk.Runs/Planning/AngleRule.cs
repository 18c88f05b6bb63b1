using Catwalk.Catalog;
using Catwalk.Domain;

namespace Catwalk.Runs.Planning;

/// <summary>
/// Before any spend: an image model that cannot take an angle instruction (a try-on model keeps the person's pose) is
/// refused for every angle but the person picture's own, which Catwalk takes to be the front.
/// </summary>
public static class AngleRule
{
    /// <exception cref="InvalidInputException">A model asked for an angle it cannot shoot, with the reason and what to do.</exception>
    public static void Check(IReadOnlyList<ModelDescriptor> imageModels, IReadOnlyList<CameraAngle> angles)
    {
        var other = angles.Where(a => a != CameraAngle.Front).ToList();
        if (other.Count == 0) return;
        foreach (var model in imageModels.Where(m => !m.CanTakeAngleInstruction))
            throw new InvalidInputException(
                $"{model.Key} cannot shoot the {string.Join(", ", other.Select(a => a.Word()))} angle(s): it {(model.IsTryOn ? "dresses the person picture as it is and keeps their pose" : "takes no angle instruction")}. "
                + "Leave it out of --image-models, or ask only for --angles front. Nothing was sent.");
    }
}
