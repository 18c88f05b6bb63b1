using SkiaSharp;

namespace Catwalk.Bench.Infrastructure;

/// <summary>Input pictures for the benchmarks: a plain card, or noise (incompressible, for realistically large references).</summary>
public static class BenchImages
{
    public static string Write(string path, int width, int height, int seed, bool noise = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(seed);
        if (noise)
        {
            var pixels = new byte[width * height * 4];
            random.NextBytes(pixels);
            for (var i = 3; i < pixels.Length; i += 4) pixels[i] = 255;
            System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        }
        else
        {
            using var canvas = new SKCanvas(bitmap);
            canvas.Clear(new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
        return path;
    }
}
