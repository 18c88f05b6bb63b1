using Microsoft.AspNetCore.Components;

namespace Catwalk.Dashboard.Components.Shared;

/// <summary>
/// A view that follows the store while it changes: once its circuit is interactive it calls <see cref="RefreshAsync"/>
/// about every second and re-renders over the circuit (no page reload). The timer stops when the view is disposed.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private CancellationTokenSource? _stop;

    protected virtual TimeSpan PollInterval => TimeSpan.FromSeconds(1);

    /// <summary>Reads the store again; runs on the renderer's sync context, so it may set fields freely.</summary>
    protected abstract Task RefreshAsync(CancellationToken cancellationToken);

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive || _stop is not null) return;
        _stop = new CancellationTokenSource();
        _ = PollAsync(_stop.Token);
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(async () =>
                {
                    try
                    {
                        await RefreshAsync(cancellationToken);
                        StateHasChanged();
                    }
                    catch (Exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        // A store hiccup: keep showing the last good state and try again next tick.
                    }
                });
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
    }

    public void Dispose()
    {
        _stop?.Cancel();
        _stop?.Dispose();
        GC.SuppressFinalize(this);
    }
}
