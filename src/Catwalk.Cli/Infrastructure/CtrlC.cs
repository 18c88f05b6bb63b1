using System.Runtime.InteropServices;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// The first Ctrl+C (or SIGTERM) cancels the command's token: jobs stop waiting, jobs still queued at fal are
/// cancelled, results already paid for are kept. A second Ctrl+C ends the process at once.
/// </summary>
internal sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _terminate;

    public CtrlC()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true; // shut down gracefully, as for Ctrl+C
            Stop();
        });
    }

    public CancellationToken Token => _source.Token;

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested) return; // second press: let the process end
        e.Cancel = true;
        Stop();
    }

    private void Stop()
    {
        if (_source.IsCancellationRequested) return;
        Console.Error.WriteLine("Stopping… (press Ctrl+C again to quit at once)");
        _source.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _terminate.Dispose();
        _source.Dispose();
    }
}
