namespace Catwalk.Generation;

/// <summary>
/// Composes a generator with middleware, as Microsoft.Extensions.AI's builders do: the first <c>Use</c> is the outermost layer.
/// Works for <see cref="IVideoGenerator"/> and <see cref="IImageGenerator"/>.
/// </summary>
public sealed class GeneratorBuilder<TGenerator>(Func<IServiceProvider, TGenerator> innerFactory) where TGenerator : class
{
    private readonly List<Func<TGenerator, IServiceProvider, TGenerator>> _layers = [];

    public GeneratorBuilder(TGenerator inner) : this(_ => inner) { }

    public GeneratorBuilder<TGenerator> Use(Func<TGenerator, TGenerator> layer) => Use((inner, _) => layer(inner));

    public GeneratorBuilder<TGenerator> Use(Func<TGenerator, IServiceProvider, TGenerator> layer)
    {
        _layers.Add(layer);
        return this;
    }

    public TGenerator Build(IServiceProvider? services = null)
    {
        services ??= EmptyServiceProvider.Instance;
        var generator = innerFactory(services);
        for (var i = _layers.Count - 1; i >= 0; i--)
            generator = _layers[i](generator, services) ?? throw new InvalidOperationException($"Middleware {i} of the {typeof(TGenerator).Name} pipeline returned null.");
        return generator;
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}
