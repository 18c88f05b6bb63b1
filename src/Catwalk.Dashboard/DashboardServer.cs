using System.Net;
using Catwalk.Dashboard.Hosting;
using Catwalk.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Catwalk.Dashboard;

/// <summary>The web dashboard over the run store, on 127.0.0.1 unless told otherwise (and then only with a token). Stop it by disposing it.</summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    /// <summary>The store the dashboard opened itself (and closes); null when the host gave its own.</summary>
    private readonly IRunStore? _ownStore;

    private DashboardServer(WebApplication app, IRunStore? ownStore, Uri baseUri) => (_app, _ownStore, BaseUri) = (app, ownStore, baseUri);

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The web app's services: with <see cref="DashboardOptions.ConfigureServices"/>, the host's own too (one container).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Throws <see cref="ArgumentException"/> for an address <see cref="StartAsync"/> would refuse (e.g. not loopback and no token).</summary>
    public static void CheckListenAddress(DashboardOptions options) => ListenAddress.Check(options);

    /// <summary>
    /// Throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> (as a host's start does for a bad
    /// option) naming every problem <see cref="DashboardOptionsValidator"/> finds; a host calls it before it opens or
    /// connects to anything, and <see cref="StartAsync"/> calls it before it opens the store.
    /// </summary>
    public static void Validate(DashboardOptions options)
    {
        var result = new DashboardOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        if (result.Failed) throw new Microsoft.Extensions.Options.OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(DashboardOptions), result.Failures);
    }

    public static async Task<DashboardServer> StartAsync(DashboardOptions options, CancellationToken ct = default)
    {
        var address = ListenAddress.Check(options);
        Validate(options);
        var ownStore = options.Store is null ? await RunStoreFactory.OpenAsync(options.Db, options.OutputRoot, cancellationToken: ct) : null;
        var store = options.Store ?? ownStore!;
        WebApplication? app = null;
        try
        {
            // The program's folder, not the working one: a published build's wwwroot and appsettings.json lie beside it.
            var owner = StaticAssetsExtensions.ManifestOwner(options.ApplicationName);
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = owner, ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(address, options.Port)).UseDashboardStaticAssets(owner);
            builder.Services.AddCatwalkDashboard(options, store);
            app = builder.Build();
            app.UseCatwalkDashboard();
            // Runs the host's startup validators too: a bad option is refused here, before anything is served or sent.
            await app.StartAsync(ct);
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new DashboardServer(app, ownStore, new Uri(bound.TrimEnd('/') + "/"));
        }
        catch
        {
            if (app is not null) await app.DisposeAsync();
            if (ownStore is not null) await ownStore.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5))) await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
        if (_ownStore is not null) await _ownStore.DisposeAsync();
    }
}
