using Catwalk.Store;
using Microsoft.Extensions.Logging;

namespace Catwalk.Workers;

/// <summary>
/// Keeps this worker's slots alive while it lives: every third of their lifetime they are extended. When the process
/// dies the renewals stop, its slots expire, and other workers may take its jobs over (collecting them by request id).
/// </summary>
public sealed class SlotRenewer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SlotRenewer(ISlotStore store, WorkerIdentity worker, TimeProvider time, ILogger<SlotRenewer> log)
    {
        _loop = Task.Run(async () =>
        {
            var every = worker.SlotTimeToLive / 3;
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(every, time, _stop.Token).ConfigureAwait(false);
                    await store.RenewSlotsAsync(worker.Name, (time.GetUtcNow() + worker.SlotTimeToLive).ToUnixTimeMilliseconds(), _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    log.LogWarning("Could not renew this worker's slots ({Error}); trying again.", e.Message);
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
