using Catwalk.Workers;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// Creates (or upgrades) Hangfire's tables in the run store's database when the server's host starts: after the host
/// has validated its options (a bad one fails before Hangfire reaches PostgreSQL) and before the web server listens
/// (ASP.NET Core starts its own server after the hosted services the app registered), so no request finds them missing.
/// </summary>
internal sealed class QueueSchemaPreparer(string connectionString) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(connection, HangfireStorageFactory.Schema);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
