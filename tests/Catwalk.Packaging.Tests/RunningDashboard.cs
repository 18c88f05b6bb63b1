using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Catwalk.Packaging.Tests;

/// <summary>A <c>catwalk dashboard</c> process on a free loopback port, stopped (Ctrl+C, then killed) on dispose.</summary>
public sealed partial class RunningDashboard : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private RunningDashboard(Process process, Task<string> stderr, Uri baseUri) => (_process, _stderr, BaseUri) = (process, stderr, baseUri);

    public Uri BaseUri { get; }

    public static async Task<RunningDashboard> StartAsync(string catwalk, string workingDirectory, string outputs, IDictionary<string, string>? environment = null)
    {
        var process = Process.Start(ProcessRun.StartInfo(catwalk, workingDirectory, ["dashboard", "--out", outputs, "--port", "0"], environment))!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var seen = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Add(line);
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                _ = process.StandardOutput.ReadToEndAsync(); // keep the pipe drained
                return new RunningDashboard(process, stderr, new Uri(match.Groups[1].Value));
            }
        }
        await process.WaitForExitAsync();
        throw new InvalidOperationException($"catwalk dashboard exited {process.ExitCode} before listening: {string.Join('\n', seen)} {await stderr}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString()])!) await kill.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try { await _process.WaitForExitAsync(grace.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        await _stderr;
        _process.Dispose();
    }

    [GeneratedRegex(@"Dashboard on (http://\S+)")]
    private static partial Regex ListeningLine();
}
