using Catwalk.Catalog;
using Catwalk.Cli.Commands;
using Catwalk.Emulator;
using Catwalk.Fal;
using Catwalk.Pipelines.Hosting;
using Catwalk.Runs.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// Decides where fal calls go and builds the services. No key (or --emulator): the built-in emulator starts in
/// this process on a loopback port and one line says results are emulated. A key: fal itself.
/// </summary>
internal sealed class FalSessionFactory(IAnsiConsole console, IConfiguration configuration, StoreOpener stores)
{
    /// <param name="queueOnly">
    /// For processes that only store and enqueue runs for workers (<c>batch --enqueue</c>, <c>server</c>): no emulator is
    /// started; without a key the runs are emulated ones, done by workers on an emulator.
    /// </param>
    /// <param name="configure">More services on top (a worker's, a server's).</param>
    /// <param name="status">Where the notices go (a JSON-logging server or worker logs them); default: the console.</param>
    public async Task<FalSession> CreateAsync(FalCommandSettings settings, CancellationToken cancellationToken, bool queueOnly = false, Action<IServiceCollection>? configure = null, StatusLines? status = null)
    {
        Action<string> say = status is null ? console.MarkupLine : status.Say;
        var logFormat = status?.Format ?? LogFormat.Text;
        var key = FalKey.FromEnvironment();
        var catalog = UserCatalog.Load(settings.CatalogFiles);
        var endpoints = FalEndpoints.From(configuration);
        var (queueUrl, storageUrl, apiUrl) = (endpoints.QueueUrl, endpoints.StorageUrl, endpoints.ApiUrl);

        FalEmulator? emulator = null;
        ConnectionMode mode;
        if (queueOnly && endpoints.UseEmulator(settings.Emulator, key))
        {
            (key, mode) = (null, ConnectionMode.InProcessEmulator);
            say($"[yellow]Emulated:[/] {(settings.Emulator ? "--emulator given" : "no FAL_KEY set")}, so runs go on the workers' [bold]emulated[/] queue and are done by workers calling a Catwalk emulator — not real model output. Set FAL_KEY to use fal.");
        }
        else if (endpoints.UseEmulator(settings.Emulator, key))
        {
            Prerequisites.RequireFfmpeg();
            var options = EmulatorOptions(settings);
            emulator = await FalEmulator.StartAsync(options, catalog, cancellationToken).ConfigureAwait(false);
            (queueUrl, storageUrl, apiUrl, key) = (emulator.BaseUri, emulator.BaseUri, FalEndpoints.Emulator(emulator.BaseUri).ApiUrl, null);
            mode = ConnectionMode.InProcessEmulator;
            var why = settings.Emulator ? "--emulator given" : "no FAL_KEY set";
            say($"[yellow]Emulated:[/] {why}, so results come from Catwalk's built-in fal emulator on {emulator.BaseUri} — not real model output. Set FAL_KEY to use fal.");
        }
        else mode = key is null ? ConnectionMode.ConfiguredServer : ConnectionMode.Fal;

        var emulated = mode == ConnectionMode.InProcessEmulator
            || (mode == ConnectionMode.ConfiguredServer && await IsEmulatorAsync(queueUrl, cancellationToken).ConfigureAwait(false));
        if (mode == ConnectionMode.ConfiguredServer)
            say($"[yellow]No FAL_KEY set:[/] calling {Markup.Escape(queueUrl.ToString())} without a key{(emulated ? " (a Catwalk emulator: results are not real model output)" : "")}.");
        // Opened before anything is sent, so a bad --db is a clear error that costs nothing.
        var store = await stores.OpenAsync(settings, cancellationToken).ConfigureAwait(false);
        var services = new ServiceCollection();
        services
            .AddLogging(logging => LogOutput.Configure(logging, logFormat, settings.Verbose))
            .AddCatwalkOpenTelemetry()
            .AddCatwalk(o =>
            {
                o.OutputDirectory = settings.OutputDirectory;
                foreach (var file in UserCatalog.Files(settings.CatalogFiles)) o.CatalogFiles.Add(file);
                o.PromptTemplatesFile = settings.PromptTemplates;
                o.UploadMode = settings.DataUris ? Pipelines.References.ReferenceUploadMode.DataUri : Pipelines.References.ReferenceUploadMode.Storage;
                o.Emulated = emulated;
                o.ConfigureFal = f =>
                {
                    (f.QueueUrl, f.StorageUrl, f.ApiUrl, f.Key) = (queueUrl, storageUrl, apiUrl, key);
                    f.AdminKey = key is null ? null : FalKey.AdminFromEnvironment();
                };
            })
            .AddCatwalkRuns(store);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        CatwalkOpenTelemetry.Start(provider);
        return new FalSession(provider, mode, emulated, emulator, store);
    }

    /// <summary>A server that answers Catwalk's emulator statistics is an emulator, so its results are marked as emulated.</summary>
    private static async Task<bool> IsEmulatorAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(baseUrl, "/_emulator/stats"), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private FalEmulatorOptions EmulatorOptions(FalCommandSettings settings)
    {
        var section = configuration.GetSection("Catwalk:Emulator");
        return new FalEmulatorOptions
        {
            LatencyScale = settings.LatencyScale ?? section.GetValue("LatencyScale", 0.02),
            GpusPerEndpoint = section.GetValue("GpusPerEndpoint", 4),
        };
    }
}
