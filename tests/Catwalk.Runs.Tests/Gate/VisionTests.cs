namespace Catwalk.Runs.Tests.Gate;

/// <summary>Tests that drive the vision worker run one after another: each worker holds ~400 MB and a core.</summary>
[CollectionDefinition(Collection)]
public sealed class VisionTests
{
    public const string Collection = "vision";
}
