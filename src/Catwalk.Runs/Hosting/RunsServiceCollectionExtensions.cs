using Catwalk.Runs.Execution;
using Catwalk.Pipelines.References;
using Catwalk.Runs.Planning;
using Catwalk.Runs.References;
using Catwalk.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Runs.Hosting;

public static class RunsServiceCollectionExtensions
{
    /// <summary>Durable runs over an opened run store (the caller owns the store). Needs <c>AddCatwalk</c>.</summary>
    public static IServiceCollection AddCatwalkRuns(this IServiceCollection services, IRunStore store)
    {
        services.AddRunStore(store);
        // Replaces AddCatwalk's process-only default: a reference uploaded by any run or worker on this store is reused.
        services.AddSingleton<IReferenceUploadCache, StoreReferenceUploadCache>();
        services.AddSingleton<RunPlanner>();
        services.AddSingleton<Engine.JobEngine>();
        services.AddSingleton<Engine.LocalScheduler>();
        services.AddSingleton<Reconciliation.UnknownJobReconciler>();
        services.AddSingleton<Preflight.SchemaFreshnessCheck>();
        services.AddSingleton<Preflight.RunPreflight>();
        services.AddOptions<Preflight.RunPreflightOptions>();
        services.AddSingleton<RunService>();
        return services;
    }

    /// <summary>
    /// The opened store as <see cref="IRunStore"/> and as each of its parts, all the same instance (the container
    /// never disposes it: its opener does), so a class asks only for the part it uses.
    /// </summary>
    public static IServiceCollection AddRunStore(this IServiceCollection services, IRunStore store)
    {
        services.AddSingleton(store);
        services.AddSingleton<IRunJobStore>(store);
        services.AddSingleton<IJobProgressStore>(store);
        services.AddSingleton<IVoteStore>(store);
        services.AddSingleton<ISlotStore>(store);
        services.AddSingleton<IRunAnalytics>(store);
        services.AddSingleton<IJobStatistics>(store);
        services.AddSingleton<IReferenceUploadStore>(store);
        services.AddSingleton<IRunStoreInfo>(store);
        return services;
    }
}
