using Catwalk.Catalog;
using Catwalk.Generation;

namespace Catwalk.Pipelines.Hosting;

/// <summary>
/// The layers a host adds around every catalog model's generator (<see cref="CatwalkBuilder.ConfigureVideoGenerators"/>);
/// read when a generator is first resolved, so layers added after <c>AddCatwalk()</c> and before the container is built count.
/// </summary>
internal sealed class GeneratorLayers
{
    private readonly List<Action<GeneratorBuilder<IVideoGenerator>, ModelDescriptor>> _video = [];
    private readonly List<Action<GeneratorBuilder<IImageGenerator>, ModelDescriptor>> _image = [];

    public void Add(Action<GeneratorBuilder<IVideoGenerator>, ModelDescriptor> layer) => _video.Add(layer);
    public void Add(Action<GeneratorBuilder<IImageGenerator>, ModelDescriptor> layer) => _image.Add(layer);

    public GeneratorBuilder<IVideoGenerator> Apply(GeneratorBuilder<IVideoGenerator> builder, ModelDescriptor model)
    {
        foreach (var layer in _video) layer(builder, model);
        return builder;
    }

    public GeneratorBuilder<IImageGenerator> Apply(GeneratorBuilder<IImageGenerator> builder, ModelDescriptor model)
    {
        foreach (var layer in _image) layer(builder, model);
        return builder;
    }
}
