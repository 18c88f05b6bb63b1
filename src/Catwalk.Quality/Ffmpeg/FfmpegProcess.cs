using System.Diagnostics;
using Catwalk.Domain;

namespace Catwalk.Quality.Ffmpeg;

/// <summary>Runs ffmpeg or ffprobe and returns what it printed; a missing program is a clear error, not a crash.</summary>
internal static class FfmpegProcess
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception) { throw new InvalidInputException($"{program} is not installed; quality metrics need it (sudo apt-get install -y ffmpeg)."); }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
    }

    public static async Task<string> FfmpegLogAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var (code, stdout, stderr) = await RunAsync("ffmpeg", ["-hide_banner", "-nostats", .. args], cancellationToken).ConfigureAwait(false);
        if (code != 0) throw new InvalidInputException($"ffmpeg could not analyse the video: {stderr.Trim().Split('\n').LastOrDefault()}");
        return stdout + "\n" + stderr;
    }
}
