using Microsoft.Extensions.Hosting;

namespace Catwalk.Emulator;

/// <summary>
/// The emulator lives inside other programs (the CLI, tests): it must not take over Ctrl+C or SIGTERM the way a
/// console host does, or a first Ctrl+C would stop the emulator while Catwalk is still cancelling queued jobs on it.
/// Whoever owns the emulator stops it by disposing it.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
