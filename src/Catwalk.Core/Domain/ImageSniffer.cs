using System.Text;

namespace Catwalk.Domain;

/// <summary>Identifies image formats by their leading bytes.</summary>
public static class ImageSniffer
{
    // Not a u8 string literal: "\x89" there would be U+0089 encoded as two UTF-8 bytes.
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string? ContentType(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature)) return "image/png";
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return "image/jpeg";
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    public static string Extension(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/webp" => ".webp",
        "video/mp4" => ".mp4",
        _ => ".bin",
    };

    /// <summary>A short human description of unrecognised content: "text", "empty", "binary data".</summary>
    public static string Describe(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return "empty";
        var head = bytes[..Math.Min(bytes.Length, 512)];
        var printable = 0;
        foreach (var b in head) if (b is 9 or 10 or 13 || (b >= 32 && b < 127)) printable++;
        return printable > head.Length * 0.9 ? $"text (\"{Encoding.ASCII.GetString(head[..Math.Min(head.Length, 24)]).ReplaceLineEndings(" ")}…\")" : "binary data";
    }
}
