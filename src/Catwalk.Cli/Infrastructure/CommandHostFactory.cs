using Catwalk.Catalog;
using Catwalk.Cli.Commands;
using Catwalk.Domain;
using Catwalk.Fal;
using Catwalk.Pipelines.Hosting;
using Catwalk.Store;
using Catwalk.Dashboard.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// Builds a long-running command's one host: the connection is decided first (the emulator started if needed), the
/// catalog loaded once, the store opened once (a bad --db is a clear error that costs nothing), then the container is
/// built on them and started, which validates every option before anything is sent or stored.
/// </summary>
internal sealed class CommandHostFactory(IAnsiConsole console, IConfiguration configuration, StoreOpener stores, ConnectionPlanner connections)
{
    /// <param name="queueOnly">Store and enqueue only (<c>batch --enqueue</c>, <c>server</c>): no emulator is started.</param>
    /// <param name="configure">More services on top (a worker's, an enqueuer's).</param>
    /// <param name="status">Where the notices go (a JSON-logging server or worker logs them); default: the console.</param>
    /// <param name="health">Also serve the health endpoints: the host is then a (slim) web app, still the only container.</param>
    /// <param name="catalog">The catalog, when the command loaded it already (to check its input first); else loaded here.</param>
    public async Task<CommandHost> StartAsync(FalCommandSettings settings, CancellationToken cancellationToken, bool queueOnly = false, Action<IServiceCollection>? configure = null,
        StatusLines? status = null, HealthEndpoint? health = null, ModelCatalog? catalog = null)
    {
        var parts = await PrepareAsync(settings, queueOnly, status, cancellationToken, catalog).ConfigureAwait(false);
        IHost? host = null;
        try
        {
            IHostApplicationBuilder builder = health is null
                ? Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager() })
                : WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddConfiguration(configuration);
            parts.AddTo(builder.Services, web: health is not null);
            configure?.Invoke(builder.Services);
            builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
            host = health is null ? ((HostApplicationBuilder)builder).Build() : BuildHealth((WebApplicationBuilder)builder, health, parts.Store);
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return new CommandHost(host, parts);
        }
        catch (IOException e) when (health is not null)
        {
            await parts.DisposeAsync(host).ConfigureAwait(false);
            throw new InvalidInputException($"--health-port {health.Port}: cannot listen there ({e.Message}). Choose a free port.");
        }
        catch
        {
            await parts.DisposeAsync(host).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Probes from another machine (a load balancer) must reach it, so it listens on all interfaces.</summary>
    private static WebApplication BuildHealth(WebApplicationBuilder builder, HealthEndpoint health, IRunStore store)
    {
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Any, health.Port));
        builder.Services.AddCatwalkHealthChecks(store, sp => sp.GetRequiredService<Hangfire.JobStorage>());
        var app = builder.Build();
        app.UseCatwalkHealthChecks();
        return app;
    }

    /// <summary>
    /// What a host is built on, for a command whose host is a web app (dashboard): the caller adds
    /// <see cref="CommandHostParts.AddTo"/> to its own builder and owns the store and the emulator from here on.
    /// </summary>
    public async Task<CommandHostParts> PrepareAsync(FalCommandSettings settings, bool queueOnly, StatusLines? status, CancellationToken cancellationToken, ModelCatalog? catalog = null)
    {
        Action<string> say = status is null ? console.MarkupLine : status.Say;
        // The options the host's Catwalk gets from these settings, checked before the emulator starts or the store
        // opens (an --out that is a file would otherwise surface as the store's error, or PostgreSQL be reached first).
        CatwalkOptionsValidator.ThrowIfInvalid(new CatwalkOptions { OutputDirectory = settings.OutputDirectory, PromptTemplatesFile = settings.PromptTemplates, Catalog = catalog });
        catalog ??= UserCatalog.Load(settings.CatalogFiles);
        var connection = await connections.DecideAsync(settings, catalog, say, queueOnly, cancellationToken).ConfigureAwait(false);
        IRunStore store;
        try
        {
            CheckFalOptions(connection);
            store = await stores.OpenAsync(settings, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (connection.Emulator is not null) await connection.Emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new CommandHostParts(settings, catalog, connection, store, status?.Format ?? LogFormat.Text);
    }

    /// <summary>
    /// The fal options the host will validate when it starts (configuration's <c>Fal</c> section, then the connection),
    /// validated now: the store opens before the host starts, and a bad option must fail before PostgreSQL is reached.
    /// </summary>
    private void CheckFalOptions(ConnectionPlan connection)
    {
        var fal = new FalOptions();
        configuration.GetSection("Fal").Bind(fal);
        CommandHostParts.ConfigureFal(fal, connection);
        var result = new FalOptionsValidator().Validate(Options.DefaultName, fal);
        if (result.Failed) throw new OptionsValidationException(Options.DefaultName, typeof(FalOptions), result.Failures);
    }
}
