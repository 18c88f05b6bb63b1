using System.Buffers.Binary;
using System.Text;
using Catwalk.Pipelines.References;
using Catwalk.Testing;
using SkiaSharp;

namespace Catwalk.Pipelines.Tests.References;

public class LosslessPngOptimizerTests
{
    private const int Rgb = 2, Rgba = 6;
    private readonly LosslessPngOptimizer _optimizer = new();

    private static byte[] OpaqueRgbaPng(int width = 400, int height = 300, int seed = 1)
    {
        using var bitmap = TestImages.Noise(width, height, seed);
        return TestImages.Encode(bitmap);
    }

    [Fact]
    public void An_opaque_rgba_png_becomes_a_smaller_rgb_png_with_identical_pixels()
    {
        var original = OpaqueRgbaPng();
        TestImages.PngHeader(original).ShouldBe((8, Rgba));

        var smaller = _optimizer.TryOptimize(original).ShouldNotBeNull();

        TestImages.PngHeader(smaller).ShouldBe((8, Rgb));
        smaller.Length.ShouldBeLessThan(original.Length - LosslessPngOptimizer.MinSavedBytes);
        smaller.Length.ShouldBeLessThan((int)(original.Length * 0.9)); // noise: 3 incompressible bytes a pixel, not 3.5
        TestImages.RawPixels(smaller).ShouldBe(TestImages.RawPixels(original));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 254)]
    [InlineData(60_000, 128)]
    [InlineData(119_999, 254)] // the very last pixel
    public void A_png_with_any_pixel_not_opaque_is_left_alone(int pixel, byte alpha)
    {
        using var bitmap = TestImages.Noise(400, 300, 2);
        var bytes = bitmap.GetPixelSpan().ToArray();
        bytes[pixel * 4 + 3] = alpha;
        System.Runtime.InteropServices.Marshal.Copy(bytes, 0, bitmap.GetPixels(), bytes.Length);
        var png = TestImages.Encode(bitmap);

        _optimizer.TryOptimize(png).ShouldBeNull();
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void Jpeg_and_webp_are_left_alone(SKEncodedImageFormat format)
    {
        using var bitmap = TestImages.Noise(400, 300, 3);
        _optimizer.TryOptimize(TestImages.Encode(bitmap, format)).ShouldBeNull();
    }

    [Fact]
    public void A_small_png_that_would_shrink_too_little_is_left_alone()
    {
        var png = TestImages.Png(256, 384, seed: 4); // opaque RGBA, a few KB: dropping alpha saves little
        TestImages.PngHeader(png).ShouldBe((8, Rgba));
        TestImages.RawPixels(png).Where((_, i) => i % 4 == 3).ShouldAllBe(a => a == 255);

        _optimizer.TryOptimize(png).ShouldBeNull();
    }

    [Theory]
    [InlineData(1_000_000, 960_000, true)]
    [InlineData(1_000_000, 971_000, false)] // 2.9 %
    [InlineData(400_000, 385_000, false)] // 3.75 % but under 16 KB
    [InlineData(400_000, 380_000, true)]
    public void Re_encoding_must_save_three_percent_and_sixteen_kilobytes(long original, long encoded, bool worthIt) =>
        LosslessPngOptimizer.WorthIt(original, encoded).ShouldBe(worthIt);

    [Fact]
    public void A_16_bit_png_is_left_alone_even_when_opaque()
    {
        // Comparing its pixels at 8 bits could not see a change in the low bits, so it is never re-encoded.
        using var bitmap = new SKBitmap(new SKImageInfo(300, 200, SKColorType.Rgba16161616, SKAlphaType.Unpremul));
        var samples = new byte[bitmap.ByteCount];
        new Random(5).NextBytes(samples);
        for (var i = 6; i < samples.Length; i += 8) samples[i] = samples[i + 1] = 255;
        System.Runtime.InteropServices.Marshal.Copy(samples, 0, bitmap.GetPixels(), samples.Length);
        var png = TestImages.Encode(bitmap);
        TestImages.PngHeader(png).ShouldBe((16, Rgba));

        _optimizer.TryOptimize(png).ShouldBeNull();
    }

    [Fact]
    public void A_colour_profile_is_carried_over()
    {
        using var p3 = SKColorSpace.CreateRgb(SKColorSpaceTransferFn.Srgb, SKColorSpaceXyz.DisplayP3);
        using var noise = TestImages.Noise(400, 300, 6);
        using var bitmap = new SKBitmap(noise.Info.WithColorSpace(p3));
        noise.GetPixelSpan().CopyTo(bitmap.GetPixelSpan());
        var original = TestImages.Encode(bitmap);
        using var originalCodec = SKCodec.Create(new SKMemoryStream(original));
        originalCodec.Info.ColorSpace.IsSrgb.ShouldBeFalse(); // written with its Display P3 profile (iCCP)

        var smaller = _optimizer.TryOptimize(original).ShouldNotBeNull();

        using var codec = SKCodec.Create(new SKMemoryStream(smaller));
        SKColorSpace.Equal(codec.Info.ColorSpace, originalCodec.Info.ColorSpace).ShouldBeTrue();
        TestImages.RawPixels(smaller).ShouldBe(TestImages.RawPixels(original));
    }

    [Theory]
    [InlineData("eXIf")] // EXIF may rotate the picture: dropping it would change what the model sees
    [InlineData("acTL")] // an animated PNG: Skia would keep only the first frame
    [InlineData("abCd")] // anything else we do not know
    public void A_png_with_a_chunk_that_may_matter_is_left_alone(string chunk)
    {
        var original = OpaqueRgbaPng(seed: 7);
        _optimizer.TryOptimize(original).ShouldNotBeNull(); // without the chunk it would be re-encoded

        _optimizer.TryOptimize(WithChunkAfterHeader(original, chunk, new byte[8])).ShouldBeNull();
    }

    [Fact]
    public async Task From_a_stream_it_reads_no_more_than_the_signature_of_anything_but_a_png()
    {
        using var bitmap = TestImages.Noise(400, 300, 8);
        await using var jpeg = new MemoryStream(TestImages.Encode(bitmap, SKEncodedImageFormat.Jpeg));
        (await _optimizer.TryOptimizeAsync(jpeg)).ShouldBeNull();
        jpeg.Position.ShouldBe(8);

        var png = OpaqueRgbaPng(seed: 8);
        await using var stream = new MemoryStream(png);
        (await _optimizer.TryOptimizeAsync(stream)).ShouldBe(_optimizer.TryOptimize(png));
    }

    [Fact]
    public async Task Cancellation_stops_it()
    {
        await using var stream = new MemoryStream(OpaqueRgbaPng(seed: 9));
        await Should.ThrowAsync<OperationCanceledException>(() => _optimizer.TryOptimizeAsync(stream, new CancellationToken(canceled: true)));
    }

    private static byte[] WithChunkAfterHeader(byte[] png, string type, byte[] data)
    {
        const int afterIhdr = 8 + 12 + 13;
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return [.. png.AsSpan(0, afterIhdr), .. chunk, .. png.AsSpan(afterIhdr)];
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
