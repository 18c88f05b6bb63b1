namespace Catwalk.Cli.Infrastructure;

/// <summary>Where a command's fal calls go.</summary>
internal enum ConnectionMode
{
    /// <summary>fal itself, with the user's key.</summary>
    Fal,
    /// <summary>Catwalk's emulator, started inside this process.</summary>
    InProcessEmulator,
    /// <summary>A fal-compatible server the user pointed Catwalk at, used without a key.</summary>
    ConfiguredServer,
}
