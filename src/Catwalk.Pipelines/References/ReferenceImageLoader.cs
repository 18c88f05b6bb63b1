using System.Security.Cryptography;
using SkiaSharp;

namespace Catwalk.Domain;

/// <summary>
/// Checks reference image files before anything is uploaded or paid for: the file exists and is readable,
/// it really is a PNG, JPEG or WebP (by its bytes, not its name), it decodes, and it is within fal's limits.
/// Here, beside the other Skia decoding, so Catwalk.Core (the domain) carries no native image library: Core only
/// sniffs formats by their bytes (<see cref="ImageSniffer"/>). Its namespace is the domain's, as its callers expect.
/// </summary>
public static class ReferenceImageLoader
{
    /// <summary>fal's single-request storage upload takes up to 90 MB; model pages advise far smaller inputs, so we cap lower.</summary>
    public const long DefaultMaxBytes = 20 * 1024 * 1024;
    public const int MinSide = 64, MaxSide = 8192;

    public static async Task<ReferenceImage> LoadAsync(ReferenceRole role, string path, long maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        var label = $"{role.ToString().ToLowerInvariant()} image '{path}'";
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new InvalidInputException($"The {label} is a folder; pass an image file.");
        if (!File.Exists(full)) throw new InvalidInputException($"The {label} does not exist. Check the path (relative paths are from {Environment.CurrentDirectory}).");
        byte[] bytes;
        try
        {
            var size = new FileInfo(full).Length;
            if (size == 0) throw new InvalidInputException($"The {label} is empty (0 bytes).");
            if (size > maxBytes)
                throw new InvalidInputException($"The {label} is {size / 1048576.0:0.0} MB; fal takes images up to {maxBytes / 1048576} MB. Resize or re-save it as JPEG.");
            bytes = await File.ReadAllBytesAsync(full, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"The {label} cannot be read: {e.Message}");
        }
        var contentType = ImageSniffer.ContentType(bytes)
            ?? throw new InvalidInputException($"The {label} is not a PNG, JPEG or WebP image (its content is {ImageSniffer.Describe(bytes)}). Pass an image file.");
        using var codec = SKCodec.Create(new SKMemoryStream(bytes))
            ?? throw new InvalidInputException($"The {label} looks like {contentType} but cannot be decoded; it may be truncated or corrupt.");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (Math.Min(width, height) < MinSide || Math.Max(width, height) > MaxSide)
            throw new InvalidInputException($"The {label} is {width}×{height}; fal needs each side between {MinSide} and {MaxSide} pixels.");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new ReferenceImage(role, full, contentType, width, height, bytes.LongLength, sha);
    }

    public static async Task<ReferenceSet> LoadSetAsync(string person, string? face, IEnumerable<string> outfits, long maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        var personImage = await LoadAsync(ReferenceRole.Person, person, maxBytes, cancellationToken);
        var faceImage = face is null ? null : await LoadAsync(ReferenceRole.Face, face, maxBytes, cancellationToken);
        var outfitImages = new List<ReferenceImage>();
        foreach (var outfit in outfits) outfitImages.Add(await LoadAsync(ReferenceRole.Outfit, outfit, maxBytes, cancellationToken));
        return new ReferenceSet(personImage, faceImage, outfitImages);
    }
}
