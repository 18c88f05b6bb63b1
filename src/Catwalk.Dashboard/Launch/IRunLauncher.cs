using Catwalk.Catalog;
using Catwalk.Runs.Planning;
using Catwalk.Runs.Specs;

namespace Catwalk.Dashboard.Launch;

/// <summary>
/// Starts runs from the dashboard's launch page: the host (<c>catwalk dashboard</c>, or a test) gives it the fal
/// services. Runs it starts execute in the background, owned by the host, and are cancelled when it stops (then
/// <c>catwalk resume</c> finishes them).
/// </summary>
public interface IRunLauncher
{
    /// <summary>True when runs go to Catwalk's fal emulator (no FAL_KEY): results are not real model output.</summary>
    bool Emulated { get; }
    /// <summary>The models the launch page offers.</summary>
    ModelCatalog Catalog { get; }
    /// <summary>The jobs and estimated cost a spec would make; refuses unsupported settings. Stores nothing.</summary>
    RunPlan Plan(RunSpec spec);
    /// <summary>Stores the run and starts executing it in the background (or enqueues it for workers); returns the run id at once.</summary>
    Task<string> StartAsync(RunSpec spec, CancellationToken cancellationToken = default);
    /// <summary>The workers' queue runs are put on (<c>catwalk server</c>); null when this process executes them itself.</summary>
    string? Queue => null;
}
