using Microsoft.Extensions.Hosting;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// A command's host must not take over Ctrl+C and SIGTERM as a console host does: <see cref="CtrlC"/> owns them, so the
/// first press cancels the command's token (queued jobs cancelled, results kept) and a second one ends the process.
/// The command stops its host itself, by disposing it.
/// </summary>
internal sealed class CommandLineLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
