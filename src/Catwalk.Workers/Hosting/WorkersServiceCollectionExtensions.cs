using Catwalk.Fal;
using Catwalk.Fal.Generation;
using Catwalk.Runs.Execution;
using Catwalk.Runs.Queue;
using Catwalk.Store;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Catwalk.Workers.Hosting;

public static class WorkersServiceCollectionExtensions
{
    /// <summary>
    /// What a worker process needs to do stored jobs (needs <c>AddCatwalk</c> and <c>AddCatwalkRuns</c>). Whether it is
    /// an emulator worker follows the fal connection the services were built with.
    /// </summary>
    public static IServiceCollection AddCatwalkWorker(this IServiceCollection services, string name, TimeSpan? slotTimeToLive = null, TimeSpan? endpointWait = null)
    {
        services.AddSingleton(sp => new WorkerIdentity(name, sp.GetRequiredService<FalConnection>().Emulated)
        {
            SlotTimeToLive = slotTimeToLive ?? TimeSpan.FromSeconds(30),
            EndpointWait = endpointWait ?? TimeSpan.FromSeconds(10),
        });
        services.TryAddSingleton(TimeProvider.System);
        // A stopping worker hands its jobs back: one queued at fal stays there, for the next worker to collect by request id.
        services.Configure<FalOptions>(o => o.CancelQueuedJobsWhenAbandoned = false);
        services.AddSingleton<WorkerStats>();
        services.AddSingleton<WorkerShutdown>();
        // One progress writer for all the worker's jobs: their queue positions go to the store together, and a job
        // waiting at fal costs no wake-ups of its own.
        services.AddSingleton(sp => new StoreProgressObserver(sp.GetRequiredService<IRunStore>(), null, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<StoredJobRunner>();
        services.AddTransient<FalJobActivity>();
        return services;
    }

    /// <summary>
    /// Hangfire's storage, client and a view of the cluster, for processes that enqueue or watch (server, batch --enqueue);
    /// also as <see cref="IRunQueue"/> and <see cref="IClusterMonitor"/>, the same instances, for callers without Hangfire.
    /// </summary>
    public static IServiceCollection AddCatwalkQueue(this IServiceCollection services, JobStorage storage) =>
        services.AddCatwalkQueue(_ => storage);

    /// <summary>
    /// As above, the storage made when first needed: Hangfire's PostgreSQL storage prepares its schema when created, so a
    /// host that validates its options at start creates it only after them.
    /// </summary>
    public static IServiceCollection AddCatwalkQueue(this IServiceCollection services, Func<IServiceProvider, JobStorage> storage)
    {
        services.AddSingleton(storage);
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton<RunEnqueuer>();
        services.AddSingleton<RunQueue>();
        services.AddSingleton<IRunQueue>(sp => sp.GetRequiredService<RunQueue>());
        services.AddSingleton<Monitoring.ClusterMonitor>();
        services.AddSingleton<IClusterMonitor>(sp => sp.GetRequiredService<Monitoring.ClusterMonitor>());
        return services;
    }
}
