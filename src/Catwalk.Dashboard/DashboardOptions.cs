namespace Catwalk.Dashboard;

/// <summary>Where the dashboard reads (the run store of <see cref="OutputRoot"/>, or <see cref="Db"/>) and where it listens.</summary>
public sealed record DashboardOptions
{
    /// <summary>The outputs folder; its <c>catwalk.db</c> is the store unless <see cref="Db"/> names another.</summary>
    public required string OutputRoot { get; init; }
    /// <summary>As <c>--db</c>: a SQLite path or a PostgreSQL connection string; null = <c>&lt;OutputRoot&gt;/catwalk.db</c>.</summary>
    public string? Db { get; init; }
    public string Host { get; init; } = "127.0.0.1";
    /// <summary>0 = any free port.</summary>
    public int Port { get; init; }
    /// <summary>Required to listen on anything but loopback: every request must then carry it.</summary>
    public string? AccessToken { get; init; }
    /// <summary>
    /// Starts runs from <c>/launch</c>; null = the page says launching needs <c>catwalk dashboard</c>. The host owns (and
    /// disposes) it. A host whose launcher comes from its own services registers an <see cref="Launch.IRunLauncher"/> in
    /// <see cref="ConfigureServices"/> instead (the dashboard's container then builds and disposes it).
    /// </summary>
    public Launch.IRunLauncher? Launcher { get; init; }
    /// <summary>
    /// The run store, already opened by the host (which keeps owning it): one store per process. Null: the dashboard
    /// opens the store of <see cref="Db"/> / <see cref="OutputRoot"/> itself and closes it when it stops.
    /// </summary>
    public Catwalk.Store.IRunStore? Store { get; init; }
    /// <summary>
    /// Server mode (<c>catwalk server</c>): the Hangfire storage the workers take jobs from. Adds the workers page,
    /// Hangfire's dashboard under <c>/jobs</c> and the <c>/api</c> endpoints; null = a plain dashboard.
    /// </summary>
    public Hangfire.JobStorage? ClusterStorage { get; init; }
    /// <summary>Server mode: the workers' view (the workers page, <c>/api/cluster</c>), from whoever set up the queue (Catwalk.Workers); with <see cref="ClusterStorage"/>.</summary>
    public Runs.Queue.IClusterMonitor? ClusterMonitor { get; init; }
    /// <summary>More services for the web app from its host (telemetry: ASP.NET Core instrumentation, exporters).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>
    /// The program whose static web assets (<c>&lt;name&gt;.staticwebassets.*.json</c> beside it) serve the styles and
    /// scripts; null = the entry program. A test runner's entry program is its own host, so a test names its assembly.
    /// </summary>
    public string? ApplicationName { get; init; }
}
