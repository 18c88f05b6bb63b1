using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk models add ENDPOINT_ID [--key KEY]</c>: a catalog entry inferred from fal's OpenAPI and price, written to the user catalog.</summary>
public sealed class ModelsAddSettings : ModelsSettings
{
    [CommandArgument(0, "<ENDPOINT_ID>")]
    [Description("fal's endpoint id, e.g. fal-ai/kling-video/v2.5-turbo/standard/image-to-video (`catwalk models search` finds them).")]
    public string EndpointId { get; init; } = "";

    [CommandOption("--key <KEY>")]
    [Description("The key to call it by in --models (default: from the endpoint id, e.g. kling-video-v2-5-turbo-standard).")]
    public string? Key { get; init; }

    [CommandOption("--emulator")]
    [Description("Ask Catwalk's built-in fal emulator even when FAL_KEY is set.")]
    public bool Emulator { get; init; }

    public override ValidationResult Validate()
    {
        if (EndpointId.Count(c => c == '/') < 1 || EndpointId.Contains(' ') || EndpointId.StartsWith('/'))
            return ValidationResult.Error($"'{EndpointId}' is not a fal endpoint id (owner/app[/path], e.g. fal-ai/veo3/image-to-video).");
        if (Key is { } k && (k.Length == 0 || !k.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.' or '_')))
            return ValidationResult.Error($"--key '{k}' must be lower-case letters, digits, '-', '.' or '_' (it goes into --models lists and folder names).");
        if ((CatalogFiles?.Length ?? 0) > 1) return ValidationResult.Error("models add writes to one catalog: give --catalog once (or none for catwalk.models.json here).");
        return ValidationResult.Success(); // the one --catalog file may not exist yet: it is created
    }
}
