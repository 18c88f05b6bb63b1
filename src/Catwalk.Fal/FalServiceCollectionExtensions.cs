using Catwalk.Fal.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Catwalk.Fal;

/// <summary>Registers the fal client: named HttpClients with shared handlers, retries by <see cref="FalRetryRules"/>, validated options.</summary>
public static class FalServiceCollectionExtensions
{
    public static IServiceCollection AddFalClient(this IServiceCollection services, Action<FalOptions>? configure = null)
    {
        var optionsBuilder = services.AddOptions<FalOptions>();
        if (configure is not null) optionsBuilder.Configure(configure);
        optionsBuilder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FalOptions>, FalOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<FalAuthorizationHandler>();

        services.AddHttpClient(FalHttpClients.Queue, ConfigureJsonClient)
            .AddHttpMessageHandler<FalAuthorizationHandler>()
            .AddResilienceHandler("fal-queue", AddRetryAndTimeout);
        services.AddHttpClient(FalHttpClients.Storage, ConfigureJsonClient)
            .AddHttpMessageHandler<FalAuthorizationHandler>()
            .AddResilienceHandler("fal-storage", AddRetryAndTimeout);
        services.AddHttpClient(FalHttpClients.Stream, client => { ConfigureJsonClient(client); client.Timeout = Timeout.InfiniteTimeSpan; })
            .AddHttpMessageHandler<FalAuthorizationHandler>();
        // Uploads go to a pre-signed URL and downloads to the CDN: no auth handler, so the key can never reach them.
        services.AddHttpClient(FalHttpClients.Media, client => { client.Timeout = Timeout.InfiniteTimeSpan; client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent); })
            .AddResilienceHandler("fal-media", AddRetryAndTimeout);

        services.TryAddSingleton<IFalQueueClient, FalQueueClient>();
        services.TryAddSingleton<IFalStorage, FalStorageClient>();
        services.TryAddSingleton<IFalMediaDownloader, FalMediaDownloader>();
        return services;
    }

    private static string UserAgent => $"catwalk/{typeof(FalQueueClient).Assembly.GetName().Version?.ToString(3) ?? "0"}";

    private static void ConfigureJsonClient(HttpClient client)
    {
        client.Timeout = Timeout.InfiniteTimeSpan; // per-attempt timeouts live in the resilience pipeline
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    private static void AddRetryAndTimeout(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<FalOptions>>().Value;
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(30),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && FalRetryRules.ShouldRetry(args.Context.GetRequestMessage(), args.Outcome)),
        });
        builder.AddTimeout(options.HttpTimeout);
    }
}
