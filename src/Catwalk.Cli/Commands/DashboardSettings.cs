using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary>Also the fal options: the launch page runs through fal (FAL_KEY) or the built-in emulator.</summary>
public class DashboardSettings : FalCommandSettings
{
    [CommandOption("--port <PORT>")]
    [Description("Port to listen on (0 = any free port).")]
    [DefaultValue(5180)]
    public int Port { get; init; } = 5180;

    [CommandOption("--host <ADDRESS>")]
    [Description("Address to listen on. Anything but loopback needs --token.")]
    [DefaultValue("127.0.0.1")]
    public string Host { get; init; } = "127.0.0.1";

    [CommandOption("--token <TOKEN>")]
    [Description("Access token every request must carry (?token=… once, then a cookie); required for a non-loopback --host.")]
    public string? Token { get; init; }

    public override ValidationResult Validate()
    {
        if (Port is < 0 or > 65535) return ValidationResult.Error($"--port must be 0–65535, not {Port}.");
        return base.Validate();
    }
}
