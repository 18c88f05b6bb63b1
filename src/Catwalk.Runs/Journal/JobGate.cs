using Catwalk.Pipelines.Journal;
using Catwalk.Store;

namespace Catwalk.Runs.Journal;

/// <summary>
/// The run's limits: how many jobs run at once overall and per endpoint, and the budget. A job reserves its
/// estimated cost before it is sent; the reservation is returned if it is never sent, so the running total is what
/// has been (or may have been) paid.
/// </summary>
public sealed class JobGate(int concurrency, int perEndpoint, decimal? budgetUsd, decimal committedUsd) : IJobGate, IDisposable
{
    private readonly SemaphoreSlim _overall = new(concurrency, concurrency);
    private readonly Dictionary<string, SemaphoreSlim> _endpoints = [];
    private readonly Lock _lock = new();
    private decimal _committed = committedUsd;

    public decimal? BudgetUsd { get; } = budgetUsd;
    public decimal CommittedUsd { get { lock (_lock) return _committed; } }

    public async ValueTask<IJobSlot> AcquireAsync(JobRecord job, decimal reserveUsd, CancellationToken cancellationToken) =>
        await AcquireAsync(job.EndpointId, reserveUsd, cancellationToken).ConfigureAwait(false);

    /// <summary>Waits for a slot; with <paramref name="reserveUsd"/> &gt; 0 also reserves that much of the budget or throws <see cref="BudgetExceededException"/>.</summary>
    public async ValueTask<Slot> AcquireAsync(string endpointId, decimal reserveUsd, CancellationToken cancellationToken)
    {
        var endpoint = Endpoint(endpointId);
        await endpoint.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _overall.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            endpoint.Release();
            throw;
        }
        try
        {
            Reserve(reserveUsd);
        }
        catch
        {
            _overall.Release();
            endpoint.Release();
            throw;
        }
        return new Slot(this, endpoint, reserveUsd);
    }

    private void Reserve(decimal usd)
    {
        if (usd <= 0) return;
        lock (_lock)
        {
            if (BudgetUsd is { } budget && _committed + usd > budget)
                throw new BudgetExceededException(
                    $"not sent: it would cost ≈${usd:0.00##} and ${_committed:0.00##} of the ${budget:0.00} budget is already spent or committed");
            _committed += usd;
        }
    }

    private void Refund(decimal usd)
    {
        if (usd <= 0) return;
        lock (_lock) _committed -= usd;
    }

    private SemaphoreSlim Endpoint(string endpointId)
    {
        lock (_lock)
        {
            if (!_endpoints.TryGetValue(endpointId, out var gate)) _endpoints[endpointId] = gate = new SemaphoreSlim(perEndpoint, perEndpoint);
            return gate;
        }
    }

    public void Dispose()
    {
        _overall.Dispose();
        foreach (var gate in _endpoints.Values) gate.Dispose();
    }

    /// <summary>A held slot; disposing frees it. <see cref="Refund"/> returns the reservation of a job that was never sent.</summary>
    public sealed class Slot(JobGate gate, SemaphoreSlim endpoint, decimal reservedUsd) : IJobSlot
    {
        private int _released;
        private decimal _reserved = reservedUsd;

        public void Refund()
        {
            gate.Refund(_reserved);
            _reserved = 0;
        }

        public ValueTask RefundAsync()
        {
            Refund();
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate._overall.Release();
                endpoint.Release();
            }
            return ValueTask.CompletedTask;
        }
    }
}
