namespace Catwalk.Quality.Fashion;

/// <summary>
/// Where the fashion-metrics worker lives (tools/vision of this checkout, or CATWALK_VISION_DIR) and whether it can run:
/// Node.js on the PATH, its packages installed and its models extracted by tools/vision/install.sh.
/// </summary>
public sealed record VisionInstall(string Folder, string Node)
{
    public const string HowToInstall = "apt-get install -y nodejs npm, then tools/vision/install.sh";

    public string Script => Path.Combine(Folder, "worker.js");

    /// <summary>The installed worker, or null with the one line that says what is missing and how to get it.</summary>
    public static VisionInstall? Find(out string reason) =>
        Find(Environment.GetEnvironmentVariable("PATH"), Environment.GetEnvironmentVariable("CATWALK_VISION_DIR"), out reason);

    internal static VisionInstall? Find(string? pathVariable, string? configuredFolder, out string reason)
    {
        var folder = configuredFolder is { Length: > 0 } ? configuredFolder : Upwards(AppContext.BaseDirectory) ?? Upwards(Directory.GetCurrentDirectory());
        var node = OnPath(pathVariable, "node");
        if (node is null)
        {
            reason = $"Fashion metrics skipped: Node.js is not installed ({HowToInstall}).";
            return null;
        }
        if (folder is null || !File.Exists(Path.Combine(folder, "worker.js")))
        {
            reason = "Fashion metrics skipped: tools/vision (the worker) was not found; run Catwalk from its checkout or set CATWALK_VISION_DIR.";
            return null;
        }
        if (!File.Exists(Path.Combine(folder, "node_modules", "@vladmandic", "human", "package.json")) || !File.Exists(Path.Combine(folder, "models", "faceres.json")))
        {
            reason = $"Fashion metrics skipped: the vision worker is not installed ({HowToInstall}).";
            return null;
        }
        reason = "";
        return new VisionInstall(folder, node);
    }

    private static string? Upwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "vision");
            if (File.Exists(Path.Combine(candidate, "worker.js"))) return candidate;
        }
        return null;
    }

    private static string? OnPath(string? pathVariable, string program) =>
        (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
}
