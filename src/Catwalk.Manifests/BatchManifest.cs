namespace Catwalk.Manifests;

/// <summary>Placeholder until the manifest reader lands.</summary>
public sealed record BatchManifest;
