using Catwalk.Store;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Catwalk.Workers;

/// <summary>
/// A worker process's engine: a Hangfire server taking jobs from its queue (<see cref="WorkerIdentity.Queue"/>), at
/// most <c>concurrency</c> at once, plus the renewal of its slots. Stopping it asks running jobs to stop at a safe
/// point (a job at fal stays submitted for whoever picks it up next) and waits for them.
/// </summary>
public sealed class CatwalkWorker : IAsyncDisposable
{
    private readonly BackgroundJobServer _server;
    private readonly SlotRenewer _renewer;
    private readonly WorkerShutdown _shutdown;

    private CatwalkWorker(BackgroundJobServer server, SlotRenewer renewer, WorkerShutdown shutdown) => (_server, _renewer, _shutdown) = (server, renewer, shutdown);

    /// <param name="services">Must hold <see cref="FalJobActivity"/> and what it needs (<c>AddCatwalkWorker</c>).</param>
    /// <param name="drain">
    /// How long stopping lets jobs in hand finish before asking them to stop at a safe point (default: at once). No new
    /// job is taken meanwhile.
    /// </param>
    /// <param name="logging">Hangfire's own log, process-wide (the first worker of the process decides); default: warnings, one line each.</param>
    public static CatwalkWorker Start(IServiceProvider services, JobStorage storage, int concurrency, TimeSpan? drain = null, Action<ILoggingBuilder>? logging = null)
    {
        var identity = services.GetRequiredService<WorkerIdentity>();
        UseLogging(logging);
        var renewer = new SlotRenewer(services.GetRequiredService<IRunStore>(), identity, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<SlotRenewer>>());
        var server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            ServerName = identity.Name,
            WorkerCount = concurrency,
            Queues = [identity.Queue],
            Activator = new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()),
            // Dead workers leave the dashboard's list within half a minute; their jobs come back by the invisibility timeout.
            HeartbeatInterval = TimeSpan.FromSeconds(5),
            ServerTimeout = TimeSpan.FromSeconds(30),
            ServerCheckInterval = TimeSpan.FromSeconds(10),
            // Stopping: no new jobs; jobs in hand get the drain time, then their token is cancelled (a job at fal keeps its
            // request id for the next worker); whatever still runs 20 s later is abandoned to Hangfire's invisibility timeout.
            StopTimeout = drain ?? TimeSpan.Zero,
            ShutdownTimeout = (drain ?? TimeSpan.Zero) + TimeSpan.FromSeconds(20),
            // Jobs rescheduled because their endpoint was full come back within a second or two, not Hangfire's 15 s.
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
        }, storage);
        return new CatwalkWorker(server, renewer, services.GetRequiredService<WorkerShutdown>());
    }

    private static readonly Lock LoggingLock = new();
    private static ILoggerFactory? _logging;

    /// <summary>
    /// Hangfire logs process-wide, so it gets a logger factory of its own for the life of the process (warnings, one
    /// line each) rather than one tied to a service provider that may be disposed before the next worker starts.
    /// </summary>
    private static void UseLogging(Action<ILoggingBuilder>? configure)
    {
        lock (LoggingLock)
        {
            if (_logging is not null) return;
            _logging = LoggerFactory.Create(configure ?? (b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)));
            GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(_logging));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _shutdown.Begin(); // jobs cancelled from here on are handed back to the queue, not ended
        _server.SendStop();
        await _server.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
        _server.Dispose();
        await _renewer.DisposeAsync().ConfigureAwait(false);
    }
}
