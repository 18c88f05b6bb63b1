using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Catwalk.Workers.Hosting;

public static class WorkersServiceCollectionExtensions
{
    /// <summary>What a worker process needs to do stored jobs (needs <c>AddCatwalk</c> and <c>AddCatwalkRuns</c>).</summary>
    public static IServiceCollection AddCatwalkWorker(this IServiceCollection services, WorkerIdentity identity)
    {
        services.AddSingleton(identity);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StoredJobRunner>();
        services.AddTransient<FalJobActivity>();
        return services;
    }

    /// <summary>Hangfire's storage, client and a view of the cluster, for processes that enqueue or watch (server, batch --enqueue).</summary>
    public static IServiceCollection AddCatwalkQueue(this IServiceCollection services, JobStorage storage)
    {
        services.AddSingleton(storage);
        services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(storage));
        services.AddSingleton<RunEnqueuer>();
        services.AddSingleton<Monitoring.ClusterMonitor>();
        return services;
    }
}
