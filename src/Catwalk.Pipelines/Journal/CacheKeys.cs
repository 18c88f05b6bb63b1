using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Catwalk.Pipelines.Journal;

/// <summary>
/// Content addresses of jobs: identical endpoint, arguments, input file contents and seed give the same key. Media
/// URLs differ per upload, so inputs are named by their SHA-256 instead.
/// </summary>
public static class CacheKeys
{
    /// <summary>A video job: its fitted arguments (planned with a placeholder image URL, which carries the seed) and the first frame's hash.</summary>
    public static string Video(string endpointId, JsonObject plannedArguments, string imageSha256) =>
        Hash($"video\n{endpointId}\n{plannedArguments.ToJsonString()}\n{imageSha256}");

    /// <summary>An image job. A try-on's garment category is added only when given, so every other job keeps the key it had.</summary>
    public static string Image(string endpointId, string prompt, string? aspectRatio, long? seed, int count, IEnumerable<string> referenceSha256s, string? garmentCategory = null) =>
        Hash($"image\n{endpointId}\n{prompt}\n{aspectRatio}\n{seed}\n{count}\n{string.Join(',', referenceSha256s)}" + (garmentCategory is null ? "" : $"\n{garmentCategory}"));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
