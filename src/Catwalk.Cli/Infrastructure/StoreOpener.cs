using Catwalk.Cli.Commands;
using Catwalk.Store;
using Microsoft.Extensions.Configuration;

namespace Catwalk.Cli.Infrastructure;

/// <summary>Opens the run store a command's --db/--out (or CATWALK_DB, or Catwalk:Db in appsettings) points at.</summary>
internal sealed class StoreOpener(IConfiguration configuration)
{
    public string? Database(StoreSettings settings) => settings.Db ?? configuration["Catwalk:Db"];

    public Task<IRunStore> OpenAsync(StoreSettings settings, CancellationToken cancellationToken) =>
        RunStoreFactory.OpenAsync(Database(settings), settings.OutputDirectory, cancellationToken: cancellationToken);
}
