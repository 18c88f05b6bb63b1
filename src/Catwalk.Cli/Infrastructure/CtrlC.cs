namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// The first Ctrl+C cancels the command's token (jobs stop waiting, queued jobs are cancelled at fal, results already
/// paid for are kept); a second Ctrl+C ends the process at once.
/// </summary>
internal sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public CtrlC() => Console.CancelKeyPress += OnCancelKeyPress;

    public CancellationToken Token => _source.Token;

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested) return; // second press: let the process end
        e.Cancel = true;
        Console.Error.WriteLine("Stopping… (press Ctrl+C again to quit at once)");
        _source.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _source.Dispose();
    }
}
