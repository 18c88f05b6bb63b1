using Catwalk.Catalog;
using Catwalk.Cli.Commands;
using Catwalk.Fal;
using Catwalk.Pipelines.Hosting;
using Catwalk.Pipelines.References;
using Catwalk.Runs.Hosting;
using Catwalk.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Catwalk.Cli.Infrastructure;

/// <summary>What a command's host is built on (decided and opened before it) and the Catwalk services it registers on them.</summary>
internal sealed record CommandHostParts(FalCommandSettings Settings, ModelCatalog Catalog, ConnectionPlan Connection, IRunStore Store, LogFormat LogFormat)
{
    /// <param name="web">
    /// The host is the dashboard's web app: its request telemetry joins Catwalk's (one exporter), and ASP.NET Core's own
    /// log stays out of the console, as when the dashboard had a container of its own.
    /// </param>
    public void AddTo(IServiceCollection services, bool web = false)
    {
        var (settings, connection) = (Settings, Connection);
        services
            .AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, CommandLineLifetime>()
            .AddLogging(logging =>
            {
                LogOutput.Configure(logging, LogFormat, settings.Verbose);
                // A host that fails to start (a bad option) would log it with its stack trace; the command says it in one line.
                logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
                // Each retry is logged by Polly with the exception's stack; Catwalk says what failed in its own words.
                if (!settings.Verbose) logging.AddFilter("Polly", LogLevel.None);
                if (web) logging.AddFilter("Microsoft.AspNetCore", LogLevel.None);
            })
            .AddCatwalkOpenTelemetry(web)
            .AddCatwalk(o =>
            {
                o.OutputDirectory = settings.OutputDirectory;
                o.Catalog = Catalog; // loaded once, by the host, with the user catalog's rules
                o.PromptTemplatesFile = settings.PromptTemplates;
                o.UploadMode = settings.DataUris ? ReferenceUploadMode.DataUri : ReferenceUploadMode.Storage;
                o.Emulated = connection.Emulated;
                o.ConfigureFal = f =>
                {
                    ConfigureFal(f, connection);
                    if (settings.StartDeadlineSeconds is { } deadline) f.StartDeadline = TimeSpan.FromSeconds(deadline);
                };
            })
            .AddCatwalkRuns(Store)
            .Configure<Catwalk.Runs.Preflight.RunPreflightOptions>(o => o.CheckFalSchemas = SchemaPreflight.Applies(connection));
        // The built-in emulator's files die with this process, and a later one may listen on the same port: an upload
        // it was given is worth nothing to another run, so none is remembered in the store.
        if (connection.Emulator is not null) services.AddSingleton<IReferenceUploadCache>(NoReferenceUploadCache.Instance);
    }

    /// <summary>Where the host's fal client goes and with which key: the connection decided before the host.</summary>
    public static void ConfigureFal(FalOptions fal, ConnectionPlan connection)
    {
        (fal.QueueUrl, fal.StorageUrl, fal.ApiUrl, fal.Key) = (connection.Endpoints.QueueUrl, connection.Endpoints.StorageUrl, connection.Endpoints.ApiUrl, connection.Key);
        fal.AdminKey = connection.Key is null ? null : FalKey.AdminFromEnvironment();
    }

    /// <summary>Ends what the host was built on, innermost first: the host (its services, when there is one), the store, the emulator.</summary>
    public async ValueTask DisposeAsync(IHost? host = null)
    {
        try
        {
            if (host is IAsyncDisposable asyncHost) await asyncHost.DisposeAsync().ConfigureAwait(false);
            else host?.Dispose();
        }
        finally
        {
            try { await Store.DisposeAsync().ConfigureAwait(false); }
            finally { if (Connection.Emulator is { } emulator) await emulator.DisposeAsync().ConfigureAwait(false); }
        }
    }
}
