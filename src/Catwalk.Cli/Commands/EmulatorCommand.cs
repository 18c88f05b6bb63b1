using Catwalk.Catalog;
using Catwalk.Cli.Infrastructure;
using Catwalk.Domain;
using Catwalk.Emulator;
using Catwalk.Fal;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk emulator</c>: the fal-compatible emulator on 127.0.0.1 until Ctrl+C.</summary>
internal sealed class EmulatorCommand(IAnsiConsole console, IConfiguration configuration) : AsyncCommand<EmulatorSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, EmulatorSettings settings, CancellationToken cancellationToken)
    {
        Prerequisites.RequireFfmpeg();
        var requiredKey = settings.RequireKey
            ? Environment.GetEnvironmentVariable("FAL_KEY") is { Length: > 0 } k ? k : throw new InvalidInputException("--require-key needs FAL_KEY set to the key the emulator should accept.")
            : null;
        var adminKey = settings.AdminKey
            ? Environment.GetEnvironmentVariable("FAL_ADMIN_KEY") is { Length: > 0 } a ? a : throw new InvalidInputException("--admin-key needs FAL_ADMIN_KEY set to the ADMIN key the emulator should accept.")
            : null;
        var options = new FalEmulatorOptions
        {
            Port = settings.Port,
            LatencyScale = settings.LatencyScale ?? configuration.GetSection("Catwalk:Emulator").GetValue("LatencyScale", 0.02),
            GpusPerEndpoint = settings.Gpus,
            RequiredKey = requiredKey,
            AdminKey = adminKey,
            PercentDiscount = settings.Discount,
            ServeBillingEvents = !settings.NoBillingEvents,
            Seed = settings.Seed,
            Faults = [.. (settings.Faults ?? []).Select(Catwalk.Emulator.Faults.FaultRule.Parse)],
        };
        await using var emulator = await FalEmulator.StartAsync(options, UserCatalog.Load(settings.CatalogFiles), cancellationToken);
        var url = emulator.BaseUri.ToString().TrimEnd('/');
        console.MarkupLine($"fal emulator listening on [bold]{url}[/] (latency × {options.LatencyScale}, {options.GpusPerEndpoint} GPU(s) per endpoint{(requiredKey is null ? "" : ", key required")}{(adminKey is null ? "" : ", ADMIN key accepted")}{(settings.Discount > 0 ? $", {settings.Discount}% account discount" : "")}).");
        foreach (var fault in options.Faults) console.MarkupLine($"[yellow]Injecting[/] {Markup.Escape(fault.ToString())}");
        console.MarkupLine($"Point Catwalk at it:  export CATWALK_FAL_QUEUE_URL={url} CATWALK_FAL_STORAGE_URL={url} CATWALK_FAL_API_URL={url}/v1");
        console.MarkupLine($"Statistics: {url}/_emulator/stats. Press Ctrl+C to stop.");
        try { await Task.Delay(Timeout.Infinite, cancellationToken); }
        catch (OperationCanceledException) { }
        console.MarkupLine("Emulator stopped.");
        return ExitCodes.Success;
    }
}
