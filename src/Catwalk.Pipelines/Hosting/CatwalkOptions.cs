using Catwalk.Fal;
using Catwalk.Pipelines.References;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Pipelines.Hosting;

/// <summary>How Catwalk is set up in a host: where outputs go, extra catalog files, prompt templates, and how to reach fal.</summary>
public sealed class CatwalkOptions
{
    public string OutputDirectory { get; set; } = "outputs";
    public IList<string> CatalogFiles { get; } = [];
    /// <summary>
    /// A catalog the host has loaded already (the CLI reads it once, to decide and check things before the container is
    /// built); used as is, and <see cref="CatalogFiles"/> is then not read again. Null: <see cref="CatalogFiles"/> are read.
    /// </summary>
    public Catwalk.Catalog.ModelCatalog? Catalog { get; set; }
    public string? PromptTemplatesFile { get; set; }
    public ReferenceUploadMode UploadMode { get; set; } = ReferenceUploadMode.Storage;
    /// <summary>Send an opaque RGBA PNG reference as a smaller RGB PNG with identical pixels (<see cref="LosslessPngOptimizer"/>). On by default.</summary>
    public bool OptimizePngReferences { get; set; } = true;
    /// <summary>True when fal is Catwalk's emulator; recorded in every result so emulated media is never mistaken for real.</summary>
    public bool Emulated { get; set; }
    public Action<FalOptions>? ConfigureFal { get; set; }
    /// <summary>
    /// More registrations applied after Catwalk's own, so they can replace them: how a package adds a mode of its own
    /// (e.g. <c>UseEmulator()</c> from Catwalk.Emulator points the fal client at an emulator in this process).
    /// </summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }
}
