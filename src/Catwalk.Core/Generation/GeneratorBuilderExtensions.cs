using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Catwalk.Generation;

/// <summary>The standard middleware, as builder steps.</summary>
public static class GeneratorBuilderExtensions
{
    public static GeneratorBuilder<IVideoGenerator> UseCostEstimation(this GeneratorBuilder<IVideoGenerator> builder) =>
        builder.Use(inner => new CostEstimatingVideoGenerator(inner));

    public static GeneratorBuilder<IImageGenerator> UseCostEstimation(this GeneratorBuilder<IImageGenerator> builder) =>
        builder.Use(inner => new CostEstimatingImageGenerator(inner));

    public static GeneratorBuilder<IVideoGenerator> UseLogging(this GeneratorBuilder<IVideoGenerator> builder) =>
        builder.Use((inner, services) => new LoggingVideoGenerator(inner, Logger(services, typeof(LoggingVideoGenerator))));

    public static GeneratorBuilder<IImageGenerator> UseLogging(this GeneratorBuilder<IImageGenerator> builder) =>
        builder.Use((inner, services) => new LoggingImageGenerator(inner, Logger(services, typeof(LoggingImageGenerator))));

    private static ILogger Logger(IServiceProvider services, Type category) =>
        services.GetService<ILoggerFactory>()?.CreateLogger(category) ?? NullLogger.Instance;
}
