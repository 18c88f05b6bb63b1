using Catwalk.Domain;
using Catwalk.Quality.Fashion;
using Catwalk.Runs.Specs;

namespace Catwalk.Runs.Gate;

/// <summary>Before anything is sent: a run that asks for the image gate where the gate cannot measure is refused, in one line.</summary>
public static class ImageGatePreflight
{
    /// <exception cref="InvalidInputException">The run gates its images and this machine has no vision worker.</exception>
    public static void Check(RunSpec spec)
    {
        if (!spec.GateImage || spec.Models.Count == 0 || spec.Looks.All(l => l.StartImage is not null)) return;
        if (VisionInstall.Find(out var reason) is null)
            throw new InvalidInputException($"--gate-image measures each image before its videos, and it cannot here: {reason.Replace("Fashion metrics skipped: ", "")} Or leave --gate-image out.");
    }
}
