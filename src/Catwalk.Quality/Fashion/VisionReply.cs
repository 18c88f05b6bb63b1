using System.Text.Json;

namespace Catwalk.Quality.Fashion;

/// <summary>What the worker measured in one picture (tools/vision/worker.js): pose, face and clothing colours, any of them null.</summary>
internal sealed record VisionReply(int Width, int Height, PoseReading? Pose, FaceReading? Face, ColourReading? Colour, Dictionary<string, double>? Ms, double CpuMs)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static VisionReply Parse(JsonElement reply) => reply.Deserialize<VisionReply>(Options) ?? throw new VisionWorkerException("The vision worker sent an empty reply.");

}

/// <summary>MoveNet keypoints by name: x, y in pixels and the score.</summary>
internal sealed record PoseReading(double Score, Dictionary<string, double[]> Keypoints);

/// <summary>The face found, its box and its faceres embedding (1024 numbers).</summary>
internal sealed record FaceReading(double Score, double[] Box, float[] Embedding);

/// <summary>
/// The clothing region's CIELAB histogram: bins of [index, pixels, mean L*, mean a*, mean b*]; where it is: its box
/// [x, y, w, h] and a coarse outline (flat x, y list) in the picture's pixels (null from workers before they sent them).
/// </summary>
internal sealed record ColourReading(string Region, int Pixels, double[][] Bins, double[]? Box = null, double[]? Outline = null);
