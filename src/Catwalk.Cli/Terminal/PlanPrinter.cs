using Catwalk.Pipelines;
using Spectre.Console;

namespace Catwalk.Cli.Terminal;

/// <summary>Prints what will be sent to each model and the estimated cost, before anything is paid.</summary>
internal static class PlanPrinter
{
    /// <param name="images">The look's images ("seedream-edit side"): each image model at each angle; every video model animates each.</param>
    public static void Print(IAnsiConsole console, VideoPlan plan, decimal imageStageUsd = 0, IReadOnlyList<string>? images = null)
    {
        var count = images?.Count ?? 1;
        var total = plan.EstimatedUsd * count + imageStageUsd;
        if (count > 1)
            console.MarkupLine($"Images: {count} ({Markup.Escape(string.Join(", ", images!))}), each animated by every video model: {count} image + {count * plan.Items.Count} video job(s).");
        var models = string.Join(", ", plan.Items.Select(i =>
            $"{i.Model.Key} {i.Fitted.Duration.Seconds}s" + (i.Fitted.Duration.Adjusted ? $" (asked {i.Fitted.Duration.RequestedSeconds}s)" : "")));
        console.MarkupLine($"Plan: {plan.Items.Count} video model(s): {Markup.Escape(models)}");
        foreach (var item in plan.Items)
            foreach (var note in item.Fitted.Adjustments.Where(a => !a.StartsWith("duration", StringComparison.Ordinal)))
                console.MarkupLine($"  [grey]{Markup.Escape(item.Model.Key)}: {Markup.Escape(note)}[/]");
        var unverified = plan.Items.Any(i => !i.Cost.Verified) ? " (≈: includes prices fal does not publish)" : "";
        console.MarkupLine($"Estimated cost: [bold]{Money.Format(total)}[/]{unverified}");
    }
}
