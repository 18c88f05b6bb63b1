using Catwalk.Catalog;
using Catwalk.Emulator.Faults;
using Catwalk.Emulator.Queue;
using Catwalk.Emulator.Storage;
using Catwalk.Emulator.Validation;

namespace Catwalk.Emulator.Endpoints;

/// <summary>What the endpoints share: options, the catalog, the queue, files, stats and this server's base URL.</summary>
internal sealed class EmulatorContext(FalEmulatorOptions options, ModelCatalog catalog, JobQueue queue, FileStore files, StatsCounter stats, FaultInjector faults)
{
    public FalEmulatorOptions Options { get; } = options;
    public ModelCatalog Catalog { get; } = catalog;
    public JobQueue Queue { get; } = queue;
    public FileStore Files { get; } = files;
    public StatsCounter Stats { get; } = stats;
    public FaultInjector Faults { get; } = faults;
    public Uri BaseUri { get; set; } = new("http://127.0.0.1/");

    public ModelDescriptor? ModelForEndpoint(string endpointId) =>
        Catalog.Models.FirstOrDefault(m => string.Equals(m.EndpointId, endpointId.Trim('/'), StringComparison.Ordinal));
}
