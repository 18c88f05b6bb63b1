using System.Collections;
using Catwalk.Catalog;
using Catwalk.Generation;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Pipelines.Hosting;

/// <summary>
/// What <c>AddCatwalk()</c> returns: the services Catwalk was added to and the catalog it registered, for hosts to
/// extend with methods of their own. It is also the <see cref="IServiceCollection"/> itself (every call goes to
/// <see cref="Services"/>), so code written when <c>AddCatwalk()</c> returned the collection — <c>.AddCatwalkRuns(store)</c>,
/// <c>.BuildServiceProvider()</c> — compiles and works unchanged. Hosts add middleware to every model's generator with
/// <see cref="ConfigureVideoGenerators"/> and <see cref="ConfigureImageGenerators"/>, as Microsoft.Extensions.AI's builders do.
/// </summary>
public sealed class CatwalkBuilder : IServiceCollection
{
    private readonly GeneratorLayers _layers;

    internal CatwalkBuilder(IServiceCollection services, ModelCatalog catalog, GeneratorLayers layers) => (Services, Catalog, _layers) = (services, catalog, layers);

    public IServiceCollection Services { get; }

    /// <summary>The catalog every generator was registered from (the same instance the container hands out).</summary>
    public ModelCatalog Catalog { get; }

    /// <summary>
    /// Adds layers around every video model's generator (outermost first, outside Catwalk's logging and cost estimate):
    /// e.g. <c>b.ConfigureVideoGenerators((g, model) => g.Use(inner => new MyAuditGenerator(inner)))</c>.
    /// </summary>
    public CatwalkBuilder ConfigureVideoGenerators(Action<GeneratorBuilder<IVideoGenerator>, ModelDescriptor> configure)
    {
        _layers.Add(configure);
        return this;
    }

    /// <summary>Adds layers around every image model's generator, as <see cref="ConfigureVideoGenerators"/> does for video.</summary>
    public CatwalkBuilder ConfigureImageGenerators(Action<GeneratorBuilder<IImageGenerator>, ModelDescriptor> configure)
    {
        _layers.Add(configure);
        return this;
    }

    public ServiceDescriptor this[int index] { get => Services[index]; set => Services[index] = value; }
    public int Count => Services.Count;
    public bool IsReadOnly => Services.IsReadOnly;
    public void Add(ServiceDescriptor item) => Services.Add(item);
    public void Clear() => Services.Clear();
    public bool Contains(ServiceDescriptor item) => Services.Contains(item);
    public void CopyTo(ServiceDescriptor[] array, int arrayIndex) => Services.CopyTo(array, arrayIndex);
    public IEnumerator<ServiceDescriptor> GetEnumerator() => Services.GetEnumerator();
    public int IndexOf(ServiceDescriptor item) => Services.IndexOf(item);
    public void Insert(int index, ServiceDescriptor item) => Services.Insert(index, item);
    public bool Remove(ServiceDescriptor item) => Services.Remove(item);
    public void RemoveAt(int index) => Services.RemoveAt(index);
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
