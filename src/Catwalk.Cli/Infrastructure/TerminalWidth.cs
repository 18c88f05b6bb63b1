using Spectre.Console;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// When output goes to a file or pipe, tables would wrap at 80 columns and cut paths; use $COLUMNS, or a wide 200,
/// so logs and scripts get whole lines.
/// </summary>
internal static class TerminalWidth
{
    public static void Apply(IAnsiConsole console)
    {
        if (!Console.IsOutputRedirected) return;
        console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 40 ? columns : 200;
    }
}
