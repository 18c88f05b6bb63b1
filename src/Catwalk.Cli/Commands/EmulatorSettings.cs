using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

public sealed class EmulatorSettings : CommandSettings
{
    [CommandOption("--port <PORT>")]
    [Description("Port on 127.0.0.1 (0 = any free port).")]
    [DefaultValue(8765)]
    public int Port { get; init; } = 8765;

    [CommandOption("--latency-scale <FACTOR>")]
    [Description("× each model's typical latency: 1 = realistic, 0 = instant. Default 0.02.")]
    public double? LatencyScale { get; init; }

    [CommandOption("--gpus <N>")]
    [Description("Concurrent jobs per endpoint; more wait in the queue.")]
    [DefaultValue(4)]
    public int Gpus { get; init; } = 4;

    [CommandOption("--require-key")]
    [Description("Answer 401 unless requests carry the key in FAL_KEY (to try `catwalk check`).")]
    public bool RequireKey { get; init; }

    [CommandOption("--admin-key")]
    [Description("Accept the key in FAL_ADMIN_KEY as an ADMIN key on the Platform APIs that need one (usage, billing events), to try `catwalk report --billed`.")]
    public bool AdminKey { get; init; }

    [CommandOption("--discount <PERCENT>")]
    [Description("The account's discount (0–100) on what usage and billing events say was charged.")]
    [DefaultValue(0)]
    public decimal Discount { get; init; }

    [CommandOption("--no-billing-events")]
    [Description("Answer 404 on /v1/models/billing-events, as where fal does not offer them (report --billed then uses usage).")]
    public bool NoBillingEvents { get; init; }

    [CommandOption("--fault <SPEC>")]
    [Description("Inject a fault: stage[[@endpoint]]=kind[[:probability]][[xCOUNT]], e.g. status=unavailable:0.2 or submit@veo3=lost-submit x1. Repeatable.")]
    public string[]? Faults { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Seed for latency jitter and faults, so a run repeats.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--catalog <FILE>")]
    [Description("Extra model catalog file (JSON). Repeatable.")]
    public string[]? CatalogFiles { get; init; }

    public override ValidationResult Validate()
    {
        if (Port is < 0 or > 65535) return ValidationResult.Error($"--port must be 0–65535, not {Port}.");
        if (Gpus < 1) return ValidationResult.Error($"--gpus must be at least 1, not {Gpus}.");
        if (Discount is < 0 or > 100) return ValidationResult.Error($"--discount must be 0–100 (percent), not {Discount}.");
        if (LatencyScale is < 0 or > 100) return ValidationResult.Error($"--latency-scale must be between 0 and 100, not {LatencyScale}.");
        foreach (var fault in Faults ?? [])
        {
            try { Catwalk.Emulator.Faults.FaultRule.Parse(fault); }
            catch (FormatException e) { return ValidationResult.Error(e.Message); }
        }
        return ValidationResult.Success();
    }
}
