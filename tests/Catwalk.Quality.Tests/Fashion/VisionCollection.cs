namespace Catwalk.Quality.Tests.Fashion;

/// <summary>The vision tests run one after another: each worker holds ~400 MB and a core.</summary>
[CollectionDefinition(Name)]
public sealed class VisionCollection
{
    public const string Name = "vision";
}
