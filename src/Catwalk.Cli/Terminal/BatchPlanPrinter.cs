using System.Globalization;
using Catwalk.Runs.Planning;
using Catwalk.Runs.Specs;
using Spectre.Console;

namespace Catwalk.Cli.Terminal;

/// <summary>A batch's plan before anything is paid: looks, jobs per model, the estimate and the budget.</summary>
internal static class BatchPlanPrinter
{
    public static void Print(IAnsiConsole console, RunSpec spec, RunPlan plan)
    {
        var durations = string.Join(", ", spec.Durations.Select(d => d is { } s ? $"{s}s" : "model default"));
        console.MarkupLine($"Batch [bold]{Markup.Escape(spec.Name ?? "")}[/]: {spec.Looks.Count} look(s) × {(spec.ComparesImageModels ? $"{spec.ImageModels.Count} image model(s) × " : "")}{(spec.Angles.Count > 0 ? $"{spec.Angles.Count} angle(s) × " : "")}{spec.Models.Count} model(s) × {spec.Durations.Count} duration(s) ({Markup.Escape(durations)}) = [bold]{plan.Jobs.Count}[/] job(s) ({plan.ImageJobs} image, {plan.VideoJobs} video).");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Model", "Jobs", "Estimated cost");
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        foreach (var (model, jobs, cost) in plan.PerModel) table.AddRow(Markup.Escape(model), jobs.ToString(CultureInfo.InvariantCulture), Money.Format(cost));
        table.AddRow("[bold]total[/]", $"[bold]{plan.Jobs.Count}[/]", $"[bold]{Money.Format(plan.EstimatedCostUsd)}[/]");
        console.Write(table);
        foreach (var (duration, videoPlan) in plan.VideoPlans)
            foreach (var item in videoPlan.Items)
                foreach (var note in item.Fitted.Adjustments)
                    console.MarkupLine($"  [grey]{Markup.Escape(item.Model.Key)}{(duration > 0 ? $" @{duration}s" : "")}: {Markup.Escape(note)}[/]");
        if (spec.BudgetUsd is { } budget)
            console.MarkupLine(plan.EstimatedCostUsd <= budget
                ? $"Budget {Money.Format(budget)}: the estimate fits ({Money.Format(budget - plan.EstimatedCostUsd)} to spare); sending stops if the running total would pass it."
                : $"[red]Budget {Money.Format(budget)}: the estimate is {Money.Format(plan.EstimatedCostUsd - budget)} over it[/]; the batch would be refused.");
        console.MarkupLine($"[grey]Concurrency {spec.Concurrency} overall, {spec.PerEndpointConcurrency} per model; identical earlier results {(spec.UseCache ? "are reused at no cost" : "are not reused (--no-cache)")}.[/]");
    }
}
