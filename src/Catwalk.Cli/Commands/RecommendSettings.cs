using System.ComponentModel;
using System.Globalization;
using Catwalk.Runs.Recommendation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk recommend</c>.</summary>
public sealed class RecommendSettings : StoreSettings
{
    [CommandOption("--run <RUN>")]
    [Description("One run's id (or a unique start of it). Default: every run in the store.")]
    public string? RunId { get; init; }

    [CommandOption("--all")]
    [Description("Every run in the store (the default; say it to be explicit).")]
    public bool All { get; init; }

    [CommandOption("--weights <WEIGHTS>")]
    [Description("How much each criterion counts, e.g. quality=0.5,cost=0.3,latency=0.2 (criteria: preference, quality, cost, latency; one not named counts 0). Default: " + CriterionWeights.DefaultText + ".")]
    public string? Weights { get; init; }

    [CommandOption("--min-identity <SIMILARITY>")]
    [Description("Leave out models whose mean identity to the face reference is below this (−1–1; same person ≈ 0.55–0.85), or was never measured.")]
    public double? MinIdentity { get; init; }

    [CommandOption("--min-full-body <SHARE>")]
    [Description("Leave out models whose mean share of frames with the whole body in view is below this (0–1), or was never measured.")]
    public double? MinFullBody { get; init; }

    [CommandOption("--json")]
    [Description("Print the recommendation as JSON (snake_case) instead of tables and sentences.")]
    public bool Json { get; init; }

    /// <summary>The parsed weights (valid once <see cref="Validate"/> passed).</summary>
    public CriterionWeights ParsedWeights => Weights is null ? CriterionWeights.Default : CriterionWeights.Parse(Weights);

    public override ValidationResult Validate()
    {
        if (RunId is not null && All) return ValidationResult.Error("Give --run or --all, not both.");
        if (Weights is not null && !CriterionWeights.TryParse(Weights, out _, out var problem)) return ValidationResult.Error(problem);
        if (MinIdentity is { } identity && (!double.IsFinite(identity) || identity < -1 || identity > 1))
            return ValidationResult.Error($"--min-identity {identity.ToString(CultureInfo.InvariantCulture)} is outside −1–1 (a cosine similarity; same person ≈ 0.55–0.85); give e.g. --min-identity 0.6.");
        if (MinFullBody is { } share && (!double.IsFinite(share) || share < 0 || share > 1))
            return ValidationResult.Error($"--min-full-body {share.ToString(CultureInfo.InvariantCulture)} is outside 0–1 (a share of frames); give e.g. --min-full-body 0.9.");
        return base.Validate();
    }
}
