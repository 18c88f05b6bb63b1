using Catwalk.Catalog;
using Catwalk.Fal;
using Catwalk.Generation;
using Catwalk.Fal.Generation;
using Catwalk.Pipelines.Journal;
using Catwalk.Pipelines.Outputs;
using Catwalk.Pipelines.References;
using Catwalk.Prompts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Catwalk.Pipelines.Hosting;

/// <summary>Registers Catwalk: the catalog, the fal client, one keyed generator per catalog model, and the pipelines.</summary>
public static class CatwalkServiceCollectionExtensions
{
    /// <returns>A <see cref="CatwalkBuilder"/>: the same collection (chain on it as before), plus the catalog registered.</returns>
    public static CatwalkBuilder AddCatwalk(this IServiceCollection services, Action<CatwalkOptions>? configure = null)
    {
        var options = new CatwalkOptions();
        configure?.Invoke(options);
        // Before the catalog and prompt files are read below: a missing one is the validator's one line with its path.
        CatwalkOptionsValidator.ThrowIfInvalid(options);
        // The catalog is read now (unless the host already loaded it): every model in it becomes a keyed generator, so a
        // model added as data needs no code.
        var catalog = options.Catalog ?? ModelCatalog.WithFiles(options.CatalogFiles);
        var prompts = options.PromptTemplatesFile is { } file ? PromptTemplates.Load(file) : PromptTemplates.BuiltIn;

        services.TryAddSingleton(TimeProvider.System);
        services.AddFalClient(options.ConfigureFal);
        services.AddSingleton(catalog);
        services.AddSingleton(new PromptBuilder(prompts));
        services.AddSingleton(new OutputLayout(options.OutputDirectory));
        services.AddSingleton(sp =>
        {
            var fal = sp.GetRequiredService<IOptions<FalOptions>>().Value;
            return new FalConnection(options.Emulated, fal.QueueUrl, fal.StartDeadline);
        });
        // Nothing beyond the process unless a host with a run store registers its cache (AddCatwalkRuns does).
        services.TryAddSingleton<IReferenceUploadCache>(NoReferenceUploadCache.Instance);
        services.AddSingleton(sp => new ReferenceUploader(sp.GetRequiredService<IFalStorage>(), options.UploadMode, options.OptimizePngReferences,
            sp.GetRequiredService<IReferenceUploadCache>(), sp.GetRequiredService<TimeProvider>()));

        // The host's layers (CatwalkBuilder.Configure…Generators) go outermost: they see each call as it comes and each
        // answer with its cost estimate and after it was logged.
        var layers = new GeneratorLayers();
        foreach (var model in catalog.Models)
        {
            if (model.IsVideo)
                services.AddKeyedSingleton<IVideoGenerator>(model.Key, (sp, _) =>
                    layers.Apply(new GeneratorBuilder<IVideoGenerator>(new FalVideoGenerator(model, sp.GetRequiredService<IFalQueueClient>(), sp.GetRequiredService<FalConnection>())), model)
                        .UseLogging()
                        .UseCostEstimation()
                        .Build(sp));
            else
                services.AddKeyedSingleton<IImageGenerator>(model.Key, (sp, _) =>
                    layers.Apply(new GeneratorBuilder<IImageGenerator>(new FalImageGenerator(model, sp.GetRequiredService<IFalQueueClient>(), sp.GetRequiredService<FalConnection>())), model)
                        .UseLogging()
                        .UseCostEstimation()
                        .Build(sp));
        }

        services.AddSingleton<JournalledJob>();
        services.AddSingleton<ImagePipeline>();
        services.AddSingleton<VideoJobRunner>();
        services.AddSingleton<VideoPipeline>();
        options.ConfigureServices?.Invoke(services);
        return new CatwalkBuilder(services, catalog, layers);
    }
}
