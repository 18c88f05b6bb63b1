namespace Catwalk.Manifests.Reading;

/// <summary>A file errors can point into: the manifest, or a CSV it names.</summary>
/// <param name="Display">How messages name it: the manifest as the user named it; a CSV next to that.</param>
/// <param name="Path">What <see cref="ManifestException.SourcePath"/> holds.</param>
/// <param name="Folder">Absolute folder that relative paths inside the file are resolved against.</param>
/// <param name="Kind">"manifest" or "CSV", for "relative to the manifest's folder".</param>
internal sealed record SourceFile(string Display, string Path, string Folder, string Kind)
{
    public static SourceFile Manifest(string sourcePath) =>
        new(sourcePath, sourcePath, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(sourcePath))!, "manifest");

    /// <summary>A CSV named by <paramref name="owner"/>, shown next to the owner's display name so the user can find it.</summary>
    public static SourceFile Csv(SourceFile owner, string written, string fullPath)
    {
        var display = System.IO.Path.IsPathRooted(written)
            ? written
            : System.IO.Path.Join(System.IO.Path.GetDirectoryName(owner.Display), written);
        return new(display, fullPath, System.IO.Path.GetDirectoryName(fullPath)!, "CSV");
    }
}
