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

    public static string WritePng(string path, int width = 256, int height = 384, int seed = 0)
    {
        File.WriteAllBytes(path, Png(width, height, seed));
        return path;
    }
}
