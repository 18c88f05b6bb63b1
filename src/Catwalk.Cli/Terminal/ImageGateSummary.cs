using Catwalk.Domain;
using Catwalk.Runs;
using Catwalk.Runs.Gate;
using Catwalk.Store;
using Spectre.Console;

namespace Catwalk.Cli.Terminal;

/// <summary>What the image gate (<c>--gate-image</c>) decided, one line per look: never a silent refusal.</summary>
internal static class ImageGateSummary
{
    public static void Render(IAnsiConsole console, RunOutcome outcome)
    {
        if (!outcome.Spec.GateImage) return;
        foreach (var look in outcome.Looks.Where(l => l.ImageGate is not null))
        {
            var gate = look.ImageGate!;
            var where = outcome.Spec.Looks.Count > 1 ? $" of {Markup.Escape(look.Look.Id)}" : "";
            if (gate.Passed) console.MarkupLine($"Image gate{where}: [green]passed[/]{Markup.Escape(gate.Summary["passed".Length..])}.");
            else if (gate.Outcome == ImageGateOutcome.Unmeasured)
                console.MarkupLine($"Image gate{where}: [yellow]could not measure the image[/] ({Markup.Escape(gate.Summary)}); its videos wait: `catwalk resume {outcome.Run.Id}` tries again.");
            else
            {
                var refused = outcome.Jobs.Count(j => j.LookId == look.Look.Id && j.Stage == StageKind.Video && j.State == JobState.Failed
                    && j.Error?.StartsWith(GateRule.ErrorPrefix, StringComparison.Ordinal) == true);
                var image = look.Image?.Images.FirstOrDefault()?.FullPath;
                console.MarkupLine($"Image gate{where}: [red]refused the image[/] — {Markup.Escape(gate.Summary)}. {refused} video(s) not sent ($0)."
                    + (image is null ? "" : $" To animate it anyway: `catwalk video --image {Markup.Escape(image)} --models …`."));
            }
        }
    }
}
