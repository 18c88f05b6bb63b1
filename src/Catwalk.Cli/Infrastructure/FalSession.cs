using Catwalk.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Cli.Infrastructure;

/// <summary>A command's connection to fal (or the emulator) and the services built on it; disposing stops the emulator.</summary>
internal sealed class FalSession(ServiceProvider services, ConnectionMode mode, bool emulated, FalEmulator? emulator, Catwalk.Store.IRunStore store) : IAsyncDisposable
{
    public IServiceProvider Services => services;
    public ConnectionMode Mode { get; } = mode;
    public bool Emulated { get; } = emulated;
    public FalEmulator? Emulator { get; } = emulator;
    public Catwalk.Store.IRunStore Store { get; } = store;

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync().ConfigureAwait(false);
        await Store.DisposeAsync().ConfigureAwait(false);
        if (Emulator is not null) await Emulator.DisposeAsync().ConfigureAwait(false);
    }
}
