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
            // How long a worker thread that found the queue empty sleeps before asking again (one transaction each time). A
            // job queued by this process wakes a sleeping thread at once (Hangfire signals its own enqueues); one queued
            // by another process is found by whichever of the idle threads asks next, so with 32 of them it waits ~1/32 s on
            // average. At 200 ms an idle worker's 32 threads asked 160 times a second: most of its CPU while idle, and
            // of a busy run's tail.
            QueuePollInterval = TimeSpan.FromSeconds(1),
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };
        // Hangfire's SQL keeps no session state either (its locks are rows and transaction-scoped advisory locks): no
        // DISCARD ALL round trip each time it returns a connection to the pool.
        var pooled = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(pooled, options), options);
    }
}
