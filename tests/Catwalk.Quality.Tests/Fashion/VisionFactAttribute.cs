using Catwalk.Quality.Fashion;

namespace Catwalk.Quality.Tests.Fashion;

/// <summary>A test that needs the vision worker (Node.js and tools/vision/install.sh). Without it: skipped with the reason, never passed.</summary>
public sealed class VisionFactAttribute : FactAttribute
{
    public VisionFactAttribute()
    {
        if (VisionInstall.Find(out var reason) is null) Skip = reason;
        else if (!File.Exists(RealPhotos.SamplesJpg)) Skip = $"The real photographs of @vladmandic/human are not installed ({RealPhotos.SamplesJpg}); run tools/vision/install.sh.";
    }
}
