namespace Catwalk.Packaging.Tests;

/// <summary>Every test here shares one publish, one pack and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class ShippedCollection : ICollectionFixture<ShippedBuilds>, ICollectionFixture<Chromium>
{
    public const string Name = "shipped";
}
