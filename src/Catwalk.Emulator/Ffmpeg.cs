namespace Catwalk.Emulator;

/// <summary>Whether ffmpeg and ffprobe are on PATH: the emulator renders every video with them.</summary>
internal static class Ffmpeg
{
    public static bool IsInstalled() => OnPath("ffmpeg") && OnPath("ffprobe");

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)) || File.Exists(Path.Combine(dir, tool + ".exe")));
}
