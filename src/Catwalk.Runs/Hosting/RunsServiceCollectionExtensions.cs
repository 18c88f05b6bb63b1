using Catwalk.Runs.Execution;
using Catwalk.Runs.Planning;
using Catwalk.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Runs.Hosting;

public static class RunsServiceCollectionExtensions
{
    /// <summary>Durable runs over an opened run store (the caller owns the store). Needs <c>AddCatwalk</c>.</summary>
    public static IServiceCollection AddCatwalkRuns(this IServiceCollection services, IRunStore store)
    {
        services.AddSingleton(store);
        services.AddSingleton<RunPlanner>();
        services.AddSingleton<Engine.JobEngine>();
        services.AddSingleton<Engine.LocalScheduler>();
        services.AddSingleton<RunService>();
        return services;
    }
}
