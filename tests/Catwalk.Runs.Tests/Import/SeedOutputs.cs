using System.Security.Cryptography;
using System.Text;
using Catwalk.Testing;

namespace Catwalk.Runs.Tests.Import;

/// <summary>
/// An <c>outputs/</c> tree in a temp folder, laid out the way the original tool (and Catwalk) writes it:
/// <c>videos/YYYY_MM_DD/&lt;model&gt;/video_&lt;ts&gt;.mp4 + meta_&lt;ts&gt;.json</c> and
/// <c>images/YYYY_MM_DD/nano_banana_edit/img_&lt;ts&gt;_&lt;i&gt;.png + meta_&lt;ts&gt;.json</c>.
/// </summary>
internal sealed class SeedOutputs : IDisposable
{
    private readonly TempDirectory _temp = new("catwalk-import-");

    public SeedOutputs() => Directory.CreateDirectory(Root);

    /// <summary>The folder that holds <c>outputs/</c>.</summary>
    public string Parent => _temp.Path;
    public string Root => Path.Combine(_temp.Path, "outputs");

    /// <summary>Writes a video's metadata and (unless told not to) its media; returns the metadata path.</summary>
    public string Video(string folder, string stamp, string metaJson, bool withMedia = true, string day = "2025_01_15")
    {
        var dir = Directory.CreateDirectory(Path.Combine(Root, "videos", day, folder)).FullName;
        if (withMedia) File.WriteAllBytes(Path.Combine(dir, $"video_{stamp}.mp4"), FakeMp4(stamp));
        return WriteMeta(dir, stamp, metaJson);
    }

    /// <summary>Writes an image call's metadata and <paramref name="count"/> real PNGs; returns the metadata path.</summary>
    public string Images(string stamp, string metaJson, int count = 1, string folder = "nano_banana_edit", string day = "2025_01_15")
    {
        var dir = Directory.CreateDirectory(Path.Combine(Root, "images", day, folder)).FullName;
        for (var i = 0; i < count; i++) TestImages.WritePng(Path.Combine(dir, $"img_{stamp}_{i}.png"), 48, 64, seed: i + stamp.Length);
        return WriteMeta(dir, stamp, metaJson);
    }

    public string VideoPath(string folder, string stamp, string day = "2025_01_15") => Path.Combine(Root, "videos", day, folder, $"video_{stamp}.mp4");
    public string ImagePath(string stamp, int index, string day = "2025_01_15") => Path.Combine(Root, "images", day, "nano_banana_edit", $"img_{stamp}_{index}.png");

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Starts like an MP4 (an ftyp box); the rest is filler that differs per stamp. Never decoded by the importer.</summary>
    public static byte[] FakeMp4(string stamp) =>
        [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2"u8, .. Encoding.ASCII.GetBytes(stamp), .. new byte[512]];

    private static string WriteMeta(string dir, string stamp, string json)
    {
        var path = Path.Combine(dir, $"meta_{stamp}.json");
        File.WriteAllText(path, json);
        return path;
    }

    public void Dispose() => _temp.Dispose();
}
