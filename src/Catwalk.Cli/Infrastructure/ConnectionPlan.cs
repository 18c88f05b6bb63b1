using Catwalk.Emulator;
using Catwalk.Fal;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// Where a command's fal calls go, decided before its container is built: fal with the key, the emulator started in
/// this process (owned here, stopped after the host), or a fal-compatible server without a key.
/// </summary>
internal sealed record ConnectionPlan(ConnectionMode Mode, bool Emulated, FalEndpoints Endpoints, FalKey? Key, FalEmulator? Emulator);
