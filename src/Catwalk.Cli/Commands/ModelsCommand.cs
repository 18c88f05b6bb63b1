using Catwalk.Cli.Infrastructure;
using System.Globalization;
using System.Text.Json;
using Catwalk.Catalog;
using Catwalk.Cli.Terminal;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk models</c>: the catalog as a table — keys, endpoints, durations, resolutions, audio and price.</summary>
internal sealed class ModelsCommand(IAnsiConsole console) : Command<ModelsSettings>
{
    public override int Execute(CommandContext context, ModelsSettings settings, CancellationToken cancellationToken)
    {
        var catalog = UserCatalog.Load(settings.CatalogFiles);
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(catalog.Models, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
            return 0;
        }
        var table = new Table().RoundedBorder();
        table.AddColumns(new TableColumn("Key").NoWrap(), new TableColumn("Model").NoWrap(), new TableColumn("fal endpoint").NoWrap(),
            new TableColumn("Durations · takes"), new TableColumn("Resolutions"), new TableColumn("Audio"), new TableColumn("Price"));
        foreach (var m in catalog.Models)
            table.AddRow(Markup.Escape(m.Key), Markup.Escape(m.DisplayName), Markup.Escape(m.EndpointId), Markup.Escape(m.Duration?.Describe() ?? Takes(m)),
                Markup.Escape(m.Resolutions.Count > 0 ? string.Join(", ", m.Resolutions) : m.Output.Resolution ?? "–"),
                m.Audio.Generates ? (m.Inputs.Audio is null ? "always" : "on/off") : "–", Markup.Escape(Price(m)));
        console.Write(table);
        console.MarkupLine("[grey]≈ marks a price fal does not publish. Add a model by adding a catalog entry (--catalog FILE).[/]");
        return 0;
    }

    /// <summary>What one image-model call takes: a prompt, up to N references (and whether it shoots an asked angle), or a person and N garments.</summary>
    private static string Takes(ModelDescriptor m) => m switch
    {
        { IsVideo: true } => "–",
        { TryOn: { } t } => $"person + {t.GarmentsPerCall} garment",
        { Inputs.Images: null } => "prompt",
        { ReferenceImages: { } r } => $"≤{r.Max} refs" + (m.CanTakeAngleInstruction ? ", angle" : ""),
        _ => "refs" + (m.CanTakeAngleInstruction ? ", angle" : ""),
    };

    private static string Price(ModelDescriptor m)
    {
        var p = m.Price;
        var mark = p.Verified ? "" : "≈";
        string F(decimal d) => d.ToString("0.###", CultureInfo.InvariantCulture);
        return mark + p.Basis switch
        {
            PriceBasis.PerSecond when p.ByResolution.Count > 0 => string.Join(", ", p.ByResolution.Select(r => $"${F(r.Value)}/s {r.Key}")),
            PriceBasis.PerSecond when p.UsdWithAudio is { } a => $"${F(p.Usd ?? 0)}/s, ${F(a)}/s with audio",
            PriceBasis.PerSecond => $"${F(p.Usd ?? 0)}/s",
            PriceBasis.PerClip when p.ByResolution.Count > 0 => string.Join(", ", p.ByResolution.Select(r => $"${F(r.Value)} per {p.ClipSeconds}s {r.Key}")),
            PriceBasis.PerClip => $"${F(p.Usd ?? 0)} per {p.ClipSeconds}s clip",
            PriceBasis.VideoTokens => $"${F(p.UsdPerMillionTokens ?? 0)}/M tokens (${F(p.UsdPerMillionTokensWithAudio ?? 0)} with audio)",
            PriceBasis.PerImage => $"${F(p.Usd ?? 0)}/image",
            _ => Money.Format(0),
        };
    }
}
