using Catwalk.Quality.Fashion;
using Xunit;

namespace Catwalk.Testing;

/// <summary>A test that needs the vision worker (Node.js and tools/vision/install.sh, which ./test runs). Without it: skipped with the reason, never passed.</summary>
public sealed class VisionFactAttribute : FactAttribute
{
    public VisionFactAttribute()
    {
        if (VisionInstall.Find(out var reason) is null) Skip = reason;
    }
}
