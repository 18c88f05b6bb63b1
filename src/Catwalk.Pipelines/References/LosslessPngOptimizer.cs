using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Catwalk.Domain;
using SkiaSharp;

namespace Catwalk.Pipelines.References;

/// <summary>
/// Makes a PNG reference smaller before it goes to fal, without changing a single pixel. References are most of the
/// bytes Catwalk sends, and many PNGs carry an alpha channel that is 255 everywhere (screenshots, exports, images
/// written by libraries that always save RGBA): a quarter of every pixel is padding. Such a PNG is decoded, checked
/// to be entirely opaque, and written again as 8-bit RGB at zlib's best compression.
/// <para>
/// The result is used only if it is meaningfully smaller (at least <see cref="MinSavedFraction"/> and
/// <see cref="MinSavedBytes"/>) AND decodes back to exactly the original's pixels; anything else — a pixel that is not
/// opaque, 16-bit or palette or grey PNGs, animated PNGs, EXIF or unknown chunks, a file Skia cannot read — leaves the
/// original bytes to be sent unchanged. Colour profiles are carried over (and checked); text chunks (tEXt, iTXt, zTXt,
/// tIME) and the physical pixel size (pHYs) are dropped, as they say nothing about the pixels.
/// </para>
/// <para>
/// JPEG, WebP and anything else is never touched: a JPEG cannot be made smaller losslessly with the libraries we have
/// (that needs re-packing its entropy-coded data, as jpegtran does; re-encoding it would change pixels), and a WebP is
/// already compressed at least as well as a PNG.
/// </para>
/// </summary>
public sealed class LosslessPngOptimizer
{
    /// <summary>A re-encoded PNG must be at least this much smaller, in bytes, to be sent instead of the original.</summary>
    public const int MinSavedBytes = 16 * 1024;

    /// <summary>A re-encoded PNG must be at least this fraction smaller to be sent instead of the original.</summary>
    public const double MinSavedFraction = 0.03;

    /// <summary>Larger images are sent unchanged: checking them holds two decoded copies, 8 bytes a pixel, in memory.</summary>
    public const long MaxPixels = 25_000_000;

    /// <summary>Larger content is sent unchanged (from a seekable stream, such as a file, it is not even read; fal takes up to 90 MB in one upload).</summary>
    public const long MaxInputBytes = 90L * 1024 * 1024;

    private const int SignatureLength = 8;
    private const byte ColourTypeRgb = 2, ColourTypeRgba = 6;

    // Chunks whose loss (or whose carrying over by Skia's encoder, for the colour ones) never changes what the pixels
    // mean. Any other ancillary chunk (eXIf orientation, acTL animation, cICP/mDCv HDR signalling, …) means "leave it alone".
    private static readonly HashSet<string> KnownChunks =
        ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "sRGB", "iCCP", "gAMA", "cHRM", "sBIT", "bKGD", "pHYs", "tEXt", "zTXt", "iTXt", "tIME"];

    private static readonly SKPngEncoderOptions BestCompression = new(SKPngEncoderFilterFlags.AllFilters, zLibLevel: 9);

    /// <summary>
    /// Reads <paramref name="content"/> from its current position and returns a smaller PNG with identical pixels, or
    /// null when the content should be sent as it is (not a PNG, not opaque, not worth it). Only a PNG is read past its
    /// first 8 bytes. The decoding and encoding run on the thread pool.
    /// </summary>
    public async Task<byte[]?> TryOptimizeAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var head = new byte[SignatureLength];
        if (await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < head.Length
            || ImageSniffer.ContentType(head) != "image/png")
            return null;
        if (content.CanSeek && content.Length > MaxInputBytes) return null;

        using var buffer = new MemoryStream(content.CanSeek ? (int)Math.Min(content.Length, MaxInputBytes) : 0);
        buffer.Write(head);
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > MaxInputBytes) return null;
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        return await Task.Run(() => TryOptimize(bytes.Span, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A smaller PNG with pixels identical to <paramref name="png"/>'s, or null when it should be sent as it is.</summary>
    public byte[]? TryOptimize(ReadOnlySpan<byte> png, CancellationToken cancellationToken = default)
    {
        if (!IsCandidate(png)) return null;

        using var source = SKData.CreateCopy(png);
        using var codec = SKCodec.Create(source);
        if (codec is null) return null;
        var info = codec.Info;
        var (width, height) = (info.Width, info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels) return null;

        // The samples exactly as stored: no colour space on the destination means no colour conversion.
        var raw = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var pixels = GC.AllocateUninitializedArray<byte>(checked(raw.RowBytes * height));
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        try
        {
            var address = handle.AddrOfPinnedObject();
            if (codec.GetPixels(raw, address) != SKCodecResult.Success || !AllOpaque(pixels)) return null;
            cancellationToken.ThrowIfCancellationRequested();

            // The same bytes declared opaque (so Skia writes RGB, no alpha), tagged with the original's colour space.
            var opaque = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque, info.ColorSpace);
            using var pixmap = new SKPixmap(opaque, address, raw.RowBytes);
            using var encoded = pixmap.Encode(BestCompression);
            if (encoded is null || !WorthIt(png.Length, encoded.Size)) return null;
            cancellationToken.ThrowIfCancellationRequested();

            return DecodesTo(encoded, raw, pixels, info.ColorSpace) ? encoded.ToArray() : null;
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>True when a re-encoding of <paramref name="encodedBytes"/> in place of <paramref name="originalBytes"/> is worth sending.</summary>
    public static bool WorthIt(long originalBytes, long encodedBytes) =>
        originalBytes - encodedBytes >= MinSavedBytes && originalBytes - encodedBytes >= originalBytes * MinSavedFraction;

    /// <summary>
    /// An 8-bit truecolour PNG (with or without alpha) whose chunks are all ones we know. 16-bit samples would be
    /// compared at 8 bits and could hide a change; palette and grey PNGs only grow as RGB.
    /// </summary>
    private static bool IsCandidate(ReadOnlySpan<byte> png)
    {
        if (png.Length < SignatureLength + 25 || ImageSniffer.ContentType(png) != "image/png") return false;
        var ihdr = png[SignatureLength..];
        if (BinaryPrimitives.ReadUInt32BigEndian(ihdr) != 13 || !ihdr[4..8].SequenceEqual("IHDR"u8)) return false;
        var (bitDepth, colourType) = (ihdr[16], ihdr[17]);
        if (bitDepth != 8 || colourType is not (ColourTypeRgb or ColourTypeRgba)) return false;

        bool sRgbOrIcc = false, gammaOrPrimaries = false;
        for (var at = SignatureLength; ;)
        {
            if (png.Length - at < 12) return false;
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
            if (length > int.MaxValue || png.Length - at - 12 < length) return false;
            var type = System.Text.Encoding.ASCII.GetString(png.Slice(at + 4, 4));
            if (!KnownChunks.Contains(type)) return false;
            sRgbOrIcc |= type is "sRGB" or "iCCP";
            gammaOrPrimaries |= type is "gAMA" or "cHRM";
            if (type == "IEND") break;
            at += 12 + (int)length;
        }
        // gAMA/cHRM alone are colour information Skia may read differently from other viewers; with sRGB or iCCP they are ignored.
        return sRgbOrIcc || !gammaOrPrimaries;
    }

    private static bool AllOpaque(ReadOnlySpan<byte> rgba)
    {
        var alpha = BitConverter.IsLittleEndian ? 0xFF000000u : 0x000000FFu;
        foreach (var pixel in MemoryMarshal.Cast<byte, uint>(rgba))
            if ((pixel & alpha) != alpha) return false;
        return true;
    }

    /// <summary>Decodes the new PNG and compares its pixels, and its colour space, with the original's.</summary>
    private static bool DecodesTo(SKData encoded, SKImageInfo raw, byte[] expected, SKColorSpace? colourSpace)
    {
        using var codec = SKCodec.Create(encoded);
        if (codec is null) return false;
        var info = codec.Info;
        if (info.Width != raw.Width || info.Height != raw.Height || !SameColourSpace(info.ColorSpace, colourSpace)) return false;
        // A whole second image: Skia's PNG decoder here does not decode by scanlines (it answers Unimplemented).
        var actual = GC.AllocateUninitializedArray<byte>(expected.Length);
        // Whole RGBA pixels: the original's alpha is all 255 and an RGB PNG decodes with alpha 255, so this is the RGB comparison.
        return codec.GetPixels(raw, actual) == SKCodecResult.Success && actual.AsSpan().SequenceEqual(expected);
    }

    private static bool SameColourSpace(SKColorSpace? a, SKColorSpace? b) =>
        a is null || b is null ? (a is null || a.IsSrgb) && (b is null || b.IsSrgb) : SKColorSpace.Equal(a, b);
}
