using Spectre.Console.Cli;

namespace Catwalk.Cli.Infrastructure;

/// <summary>Resolves Spectre's commands and their dependencies from the service provider.</summary>
internal sealed class TypeResolver(IServiceProvider provider) : ITypeResolver, IDisposable
{
    public object? Resolve(Type? type) => type is null ? null : provider.GetService(type);

    public void Dispose() => (provider as IDisposable)?.Dispose();
}
