using Catwalk.Domain;

namespace Catwalk.Cli.Infrastructure;

/// <summary>System tools Catwalk needs, checked up front so a missing one is named with the command that installs it.</summary>
internal static class Prerequisites
{
    public static void RequireFfmpeg()
    {
        if (OnPath("ffmpeg") && OnPath("ffprobe")) return;
        throw new InvalidInputException("The emulator renders videos with ffmpeg, which is not installed. Install it with: sudo apt-get install -y ffmpeg");
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}
