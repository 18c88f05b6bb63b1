using SkiaSharp;

namespace Catwalk.Testing;

/// <summary>Small real images made on the fly, distinct per seed, so tests never depend on files they did not make.</summary>
public static class TestImages
{
    public static byte[] Png(int width = 256, int height = 384, int seed = 0, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor((byte)(40 + seed * 37 % 200), 120, (byte)(200 - seed * 53 % 150)));
            using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true };
            canvas.DrawCircle(width / 2f, height / 4f, width / 6f, paint);
            canvas.DrawRect(width / 3f, height / 2.5f, width / 3f, height / 2f, paint);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>
    /// Random pixels (incompressible, so as large as a photo of the same size) with every alpha 255, as 8-bit
    /// unpremultiplied RGBA that a test may change before encoding (<see cref="Encode"/> writes such a bitmap as an RGBA PNG).
    /// </summary>
    public static SKBitmap Noise(int width, int height, int seed)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var pixels = new byte[bitmap.ByteCount];
        new Random(seed).NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4) pixels[i] = 255;
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int quality = 90)
    {
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>A PNG's pixels exactly as stored (8-bit RGBA, no colour conversion), to compare two files pixel for pixel.</summary>
    public static byte[] RawPixels(byte[] png)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(png)) ?? throw new InvalidDataException("not an image Skia can read");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var pixels = new byte[info.BytesSize];
        var result = codec.GetPixels(info, pixels);
        if (result != SKCodecResult.Success) throw new InvalidDataException($"decoding failed: {result}");
        return pixels;
    }

    /// <summary>A PNG's bit depth and colour type from its IHDR chunk (colour type 2 = RGB, 6 = RGBA, 3 = palette).</summary>
    public static (int BitDepth, int ColourType) PngHeader(byte[] png) => (png[24], png[25]);

    public static string WritePng(string path, int width = 256, int height = 384, int seed = 0)
    {
        File.WriteAllBytes(path, Png(width, height, seed));
        return path;
    }
}
