using Catwalk.Domain;

namespace Catwalk.Core.Tests.Domain;

/// <summary>The domain stays free of native libraries: images are decoded in Catwalk.Pipelines, Core only sniffs bytes.</summary>
public sealed class CoreDependencyTests
{
    [Fact]
    public void Core_neither_uses_nor_brings_SkiaSharp()
    {
        typeof(ImageSniffer).Assembly.GetReferencedAssemblies().Select(a => a.Name).ShouldNotContain("SkiaSharp");
        // This test project references only Core: a SkiaSharp package on Core would be copied here with its natives.
        File.Exists(Path.Combine(AppContext.BaseDirectory, "SkiaSharp.dll")).ShouldBeFalse();
    }
}
