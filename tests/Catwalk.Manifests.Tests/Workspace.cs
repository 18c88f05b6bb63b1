using Catwalk.Testing;

namespace Catwalk.Manifests.Tests;

/// <summary>A temp folder holding a manifest and the image files it names (their bytes are not read, only their presence).</summary>
internal sealed class Workspace : IDisposable
{
    public static readonly string[] Models = ["veo3", "ltx", "kling", "grok", "luma"];

    private readonly TempDirectory _dir = new("catwalk-manifest-");

    public Workspace(params string[] images)
    {
        foreach (var image in images.Length > 0 ? images : ["person.png", "face.png", "top.png", "shoes.png"]) Image(image);
    }

    public string Path => _dir.Path;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Image(string name) => Write(name, "\x89PNG not really");

    public string Write(string name, string text)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public BatchManifest Load(string manifest, string name = "batch.yaml") => ManifestReader.Load(Write(name, manifest), Models);

    public ManifestException Fails(string manifest, string name = "batch.yaml") => Should.Throw<ManifestException>(() => Load(manifest, name));

    public void Dispose() => _dir.Dispose();
}
