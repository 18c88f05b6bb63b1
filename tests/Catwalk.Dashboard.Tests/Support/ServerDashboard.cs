using Catwalk.Catalog;
using Catwalk.Dashboard.Launch;
using Catwalk.Pipelines.Hosting;
using Catwalk.Runs;
using Catwalk.Runs.Hosting;
using Catwalk.Store;
using Catwalk.Testing;
using Catwalk.Runs.Queue;
using Catwalk.Workers;
using Catwalk.Workers.Hosting;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Catwalk.Dashboard.Tests.Support;

/// <summary>
/// The dashboard as <c>catwalk server</c> hosts it without FAL_KEY: a fresh database on the test PostgreSQL server
/// (run store and Hangfire's schema), runs enqueued on the <c>emulated</c> queue, nothing executed here. Each test
/// gets its own database, so its Hangfire queues, servers and jobs are its own even when tests run in parallel.
/// </summary>
public sealed class ServerDashboard : IAsyncDisposable
{
    /// <summary>
    /// In every connection string the server gets: the test server trusts local connections and ignores it, so it
    /// may be anything — and no page or answer may show it.
    /// </summary>
    public const string DbPassword = "pw-never-shown-8d1f";

    private readonly TempDirectory _folder;
    private readonly TestPostgres _postgres;
    private readonly ServiceProvider _services;

    private ServerDashboard(TempDirectory folder, TestPostgres postgres, ServiceProvider services, IRunStore store, JobStorage storage, DashboardServer server) =>
        (_folder, _postgres, _services, Store, Storage, Server) = (folder, postgres, services, store, storage, server);

    /// <summary>This test's database (without the password), to look at Hangfire's tables directly.</summary>
    public string Db => _postgres.DatabaseConnectionString;

    public IRunStore Store { get; }
    public JobStorage Storage { get; }
    public DashboardServer Server { get; }
    public string OutputRoot => Path.Combine(_folder.Path, "outputs");

    public static async Task<ServerDashboard> StartAsync(string? token = null, string host = "127.0.0.1")
    {
        var folder = new TempDirectory("catwalk-server-");
        var output = Path.Combine(folder.Path, "outputs");
        var postgres = await TestPostgres.CreateAsync();
        var db = new NpgsqlConnectionStringBuilder(postgres.DatabaseConnectionString) { Password = DbPassword }.ConnectionString;
        var store = await RunStoreFactory.OpenAsync(db, output);
        var storage = HangfireStorageFactory.Create(db);
        var unused = new Uri("http://127.0.0.1:9/"); // nothing here calls fal: the workers do
        var services = new ServiceCollection().AddLogging().AddCatwalk(o =>
        {
            o.OutputDirectory = output;
            o.Emulated = true;
            o.ConfigureFal = fal => { fal.QueueUrl = unused; fal.StorageUrl = unused; };
        }).AddCatwalkRuns(store).AddCatwalkQueue(storage).BuildServiceProvider();
        var launcher = new QueueRunLauncher(services.GetRequiredService<RunService>(), services.GetRequiredService<RunQueue>(), ModelCatalog.BuiltIn, output, emulated: true);
        var server = await DashboardServer.StartAsync(new DashboardOptions
        {
            ApplicationName = TestHost.Name, OutputRoot = output, Db = db, Host = host, AccessToken = token, Launcher = launcher, ClusterStorage = storage,
            ClusterMonitor = services.GetRequiredService<IClusterMonitor>(),
        });
        return new ServerDashboard(folder, postgres, services, store, storage, server);
    }

    /// <summary>A small valid manifest: the sample person in one outfit, one video model → one image job and one video job.</summary>
    public static string Manifest(string model = "ltx", string? budget = null) => $"""
        name: api-test
        models: [{model}]
        durations: [6]
        {(budget is null ? "" : $"budget: {budget}")}
        people:
          - id: sample
            image: {LaunchDashboard.Sample("person.png")}
        outfits:
          - id: top
            image: {LaunchDashboard.Sample("outfit-top.png")}
            apparel: street wear
        """;

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await _services.DisposeAsync();
        await Store.DisposeAsync();
        await _postgres.DisposeAsync();
        _folder.Dispose();
    }
}
