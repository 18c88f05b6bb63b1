using Catwalk.Cli.Infrastructure;
using Catwalk.Fal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary>
/// <c>catwalk check</c>: is a key set, is fal reachable, is the key accepted — without spending anything. It asks
/// for the status of a request id that cannot exist: fal answers 401/403 for a bad key and 404 for a good one.
/// </summary>
internal sealed class CheckCommand(IAnsiConsole console, IConfiguration configuration) : AsyncCommand<CheckSettings>
{
    private static readonly FalRequestHandle Probe = new("fal-ai/nano-banana", "00000000-0000-4000-8000-000000000000");

    public override async Task<int> ExecuteAsync(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        var key = FalKey.FromEnvironment();
        var queueUrl = new Uri(configuration["Catwalk:Fal:QueueUrl"] ?? "https://queue.fal.run");
        console.MarkupLine(key is null
            ? "[red]✗[/] No key: FAL_KEY (or FAL_KEY_ID + FAL_KEY_SECRET) is not set. Without one, Catwalk runs on its built-in emulator. Set it with: export FAL_KEY=…"
            : "[green]✓[/] Key found in the environment.");

        await using var services = new ServiceCollection().AddFalClient(o => { o.QueueUrl = queueUrl; o.Key = key; }).BuildServiceProvider();
        var client = services.GetRequiredService<IFalQueueClient>();
        try
        {
            await client.GetStatusAsync(Probe, cancellationToken: cancellationToken);
            return Reachable(key, accepted: true, queueUrl);
        }
        catch (FalAuthenticationException)
        {
            console.MarkupLine($"[green]✓[/] fal is reachable at {Markup.Escape(queueUrl.ToString())}.");
            console.MarkupLine("[red]✗[/] fal rejected the key (401/403). Check FAL_KEY: it should be the full key from your fal dashboard.");
            return 4;
        }
        catch (FalException e) when (e.StatusCode is >= 400 and < 500)
        {
            return Reachable(key, accepted: true, queueUrl);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException { CancellationToken.IsCancellationRequested: false } or FalException)
        {
            console.MarkupLine($"[red]✗[/] fal is not reachable at {Markup.Escape(queueUrl.ToString())}: {Markup.Escape(e.Message)}");
            return 3;
        }
    }

    private int Reachable(FalKey? key, bool accepted, Uri queueUrl)
    {
        console.MarkupLine($"[green]✓[/] fal is reachable at {Markup.Escape(queueUrl.ToString())}.");
        if (key is null) return 2;
        console.MarkupLine(accepted ? "[green]✓[/] The key is accepted. All good." : "[red]✗[/] The key was not accepted.");
        return accepted ? ExitCodes.Success : 4;
    }
}
