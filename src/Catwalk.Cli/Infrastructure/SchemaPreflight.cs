using Spectre.Console;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// When a command's runs are checked against fal's current schemas before they are stored (Runs' RunPreflight), and how
/// its warnings are shown. Not for the built-in emulator (it serves this very catalog), nor for a server the user
/// pointed the queue at while fal's own Platform API is left configured (fal's schemas are not that server's).
/// </summary>
internal static class SchemaPreflight
{
    public static bool Applies(ConnectionPlan connection) => connection.Mode switch
    {
        ConnectionMode.InProcessEmulator => false,
        ConnectionMode.ConfiguredServer => !connection.Endpoints.ApiUrl.Host.EndsWith("fal.ai", StringComparison.OrdinalIgnoreCase),
        _ => true,
    };

    public static Action<string> Warnings(IAnsiConsole console) => warning => console.MarkupLine($"[yellow]{Markup.Escape(warning)}[/]");
}
