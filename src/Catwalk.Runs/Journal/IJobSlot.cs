namespace Catwalk.Runs.Journal;

/// <summary>A held slot; disposing frees it. <see cref="RefundAsync"/> returns the reservation of a job that was never sent (or came from the cache).</summary>
public interface IJobSlot : IAsyncDisposable
{
    ValueTask RefundAsync();
}
