using System.Diagnostics;

namespace Catwalk.Cli.Tests;

/// <summary>A catwalk process left running by <see cref="CliRunner.Start"/>: signal it, then collect its output.</summary>
public sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout, _stderr;

    internal CliProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>Sends a signal (KILL, INT, TERM) as a user or the machine would.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", Id.ToString()])!;
        await kill.WaitForExitAsync();
    }

    public async Task<CliResult> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return new CliResult(_process.ExitCode, await _stdout, await _stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
