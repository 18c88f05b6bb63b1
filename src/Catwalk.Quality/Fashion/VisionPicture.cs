using System.Text.Json.Nodes;

namespace Catwalk.Quality.Fashion;

/// <summary>A picture as the worker reads it: a JPEG/PNG file, or one raw RGB frame inside a file of sampled frames.</summary>
public sealed record VisionPicture(string Path, double TimeSec, int Width = 0, int Height = 0, long Offset = 0)
{
    public bool IsRaw => Width > 0;

    public static VisionPicture File(string path) => new(System.IO.Path.GetFullPath(path), 0);

    internal JsonObject ToJson() => IsRaw
        ? new JsonObject { ["path"] = Path, ["format"] = "rgb24", ["width"] = Width, ["height"] = Height, ["offset"] = Offset }
        : new JsonObject { ["path"] = Path, ["format"] = "file" };
}
