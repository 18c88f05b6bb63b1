using System.Text.Json;

namespace Catwalk.Manifests.Tests;

/// <summary>Helpers for comparing manifests, whose lists compare by reference.</summary>
internal static class Manifests
{
    /// <summary>Everything but the source path, as JSON, so two manifests read from different files can be compared.</summary>
    public static string Content(BatchManifest manifest) => JsonSerializer.Serialize(manifest with { SourcePath = "" });
}
