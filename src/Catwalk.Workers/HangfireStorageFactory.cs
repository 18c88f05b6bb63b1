using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace Catwalk.Workers;

/// <summary>
/// Hangfire's storage in the run store's own PostgreSQL database (schema <c>hangfire</c>), so one database holds the
/// runs, the queue and the workers' slots.
/// </summary>
public static class HangfireStorageFactory
{
    public const string Schema = "hangfire";

    /// <param name="invisibilityTimeout">
    /// A job fetched by a worker that stopped heart-beating (killed, machine gone) is given to another after this long;
    /// a live worker keeps extending it (sliding), so long fal jobs are never taken from a working worker.
    /// </param>
    public static PostgreSqlStorage Create(string connectionString, TimeSpan? invisibilityTimeout = null, bool prepareSchema = true)
    {
        HangfireFilters.Apply(); // every process that queues or runs Catwalk's jobs makes its storage here
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = prepareSchema,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = invisibilityTimeout ?? TimeSpan.FromSeconds(30),
            QueuePollInterval = TimeSpan.FromMilliseconds(200),
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };
        // Hangfire's SQL keeps no session state either (its locks are rows and transaction-scoped advisory locks): no
        // DISCARD ALL round trip each time it returns a connection to the pool.
        var pooled = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(pooled, options), options);
    }
}
