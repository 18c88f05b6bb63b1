using Catwalk.Catalog;
using Catwalk.Cli.Commands;
using Catwalk.Emulator;
using Catwalk.Fal;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// Decides where fal calls go, before any container exists. No key (or --emulator): the built-in emulator starts in
/// this process on a loopback port and one line says results are emulated. A key: fal itself.
/// </summary>
internal sealed class ConnectionPlanner(IConfiguration configuration)
{
    /// <param name="queueOnly">
    /// For processes that only store and enqueue runs for workers (<c>batch --enqueue</c>, <c>server</c>): no emulator is
    /// started; without a key the runs are emulated ones, done by workers on an emulator.
    /// </param>
    public async Task<ConnectionPlan> DecideAsync(FalCommandSettings settings, ModelCatalog catalog, Action<string> say, bool queueOnly, CancellationToken cancellationToken)
    {
        var key = FalKey.FromEnvironment();
        var endpoints = FalEndpoints.From(configuration);
        var why = settings.Emulator ? "--emulator given" : "no FAL_KEY set";
        if (queueOnly && endpoints.UseEmulator(settings.Emulator, key))
        {
            say($"[yellow]Emulated:[/] {why}, so runs go on the workers' [bold]emulated[/] queue and are done by workers calling a Catwalk emulator — not real model output. Set FAL_KEY to use fal.");
            return new ConnectionPlan(ConnectionMode.InProcessEmulator, Emulated: true, endpoints, Key: null, Emulator: null);
        }
        if (endpoints.UseEmulator(settings.Emulator, key))
        {
            Prerequisites.RequireFfmpeg();
            var emulator = await FalEmulator.StartAsync(EmulatorOptions(settings), catalog, cancellationToken).ConfigureAwait(false);
            say($"[yellow]Emulated:[/] {why}, so results come from Catwalk's built-in fal emulator on {emulator.BaseUri} — not real model output. Set FAL_KEY to use fal.");
            return new ConnectionPlan(ConnectionMode.InProcessEmulator, Emulated: true, FalEndpoints.Emulator(emulator.BaseUri), Key: null, emulator);
        }
        if (key is not null) return new ConnectionPlan(ConnectionMode.Fal, Emulated: false, endpoints, key, Emulator: null);

        var emulated = await IsEmulatorAsync(endpoints.QueueUrl, cancellationToken).ConfigureAwait(false);
        say($"[yellow]No FAL_KEY set:[/] calling {Markup.Escape(endpoints.QueueUrl.ToString())} without a key{(emulated ? " (a Catwalk emulator: results are not real model output)" : "")}.");
        return new ConnectionPlan(ConnectionMode.ConfiguredServer, emulated, endpoints, Key: null, Emulator: null);
    }

    /// <summary>
    /// A server that answers Catwalk's emulator statistics is an emulator, so its results are marked as emulated. A URL
    /// that is not http(s) is not asked: the host's options validation refuses it in one line before anything is sent.
    /// </summary>
    private static async Task<bool> IsEmulatorAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        if (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps) return false;
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
