using System.Diagnostics;

namespace Catwalk.Dashboard.Data;

/// <summary>ffmpeg or ffprobe run to completion (killed when cancelled): the exit code and its stdout or stderr.</summary>
internal static class FfmpegProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> args, CancellationToken ct, bool stdout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = new Process { StartInfo = start };
        try { process.Start(); }
        catch (System.ComponentModel.Win32Exception) { return (-1, $"{program} is not installed (apt-get install -y ffmpeg)."); }
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        try { await process.WaitForExitAsync(ct); }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw;
        }
        return (process.ExitCode, stdout ? await output : await error);
    }
}
