using System.Diagnostics;
using Catwalk.Fal.Internal;
using Catwalk.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Catwalk.Fal;

/// <summary>Registers the fal client: named HttpClients with shared handlers, retries by <see cref="FalRetryRules"/>, validated options.</summary>
public static class FalServiceCollectionExtensions
{
    /// <summary>A Retry-After longer than this is not slept through: the call fails with <see cref="FalRateLimitedException"/> instead.</summary>
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Adds <see cref="IFalQueueClient"/>, <see cref="IFalStorage"/> and <see cref="IFalMediaDownloader"/>. Options come
    /// from the configuration section "Fal" when an <see cref="IConfiguration"/> is registered, then <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddFalClient(this IServiceCollection services, Action<FalOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<FalOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection("Fal").Bind(options));
        if (configure is not null) optionsBuilder.Configure(configure);
        optionsBuilder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FalOptions>, FalOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<FalAuthorizationHandler>();

        services.AddHttpClient(FalHttpClients.Queue, ConfigureJsonClient)
            .AddHttpMessageHandler<FalAuthorizationHandler>()
            .AddResilienceHandler("fal-queue", (builder, context) => AddRetryAndTimeout(builder, context, FalRetryRules.ShouldRetry, o => o.HttpTimeout));
        services.AddHttpClient(FalHttpClients.Storage, ConfigureJsonClient)
            .AddHttpMessageHandler<FalAuthorizationHandler>()
            .AddResilienceHandler("fal-storage", (builder, context) => AddRetryAndTimeout(builder, context, (_, outcome) => FalRetryRules.ShouldRetrySafeCall(outcome), o => o.HttpTimeout));
        services.AddHttpClient(FalHttpClients.Platform, ConfigureJsonClient)
            .AddHttpMessageHandler<FalAuthorizationHandler>()
            .AddResilienceHandler("fal-platform", (builder, context) => AddRetryAndTimeout(builder, context, (_, outcome) => FalRetryRules.ShouldRetrySafeCall(outcome), o => o.HttpTimeout));
        // Not retried here: the waiter falls back to polling when the stream breaks. Its idle limit replaces a total timeout.
        services.AddHttpClient(FalHttpClients.Stream, ConfigureJsonClient)
            .AddHttpMessageHandler<FalAuthorizationHandler>();
        // The pre-signed upload URL and media downloads get no auth handler at all, so the key can never reach them.
        // An attempt may carry a whole upload body, so it gets the download limit rather than the short JSON-call one.
        services.AddHttpClient(FalHttpClients.Media, client => { client.Timeout = Timeout.InfiniteTimeSpan; client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent); })
            .AddResilienceHandler("fal-media", (builder, context) => AddRetryAndTimeout(builder, context, (_, outcome) => FalRetryRules.ShouldRetrySafeCall(outcome), o => o.DownloadTimeout));

        services.TryAddSingleton<IFalQueueClient, FalQueueClient>();
        services.TryAddSingleton<IFalStorage, FalStorageClient>();
        services.TryAddSingleton<IFalMediaDownloader, FalMediaDownloader>();
        services.TryAddSingleton<Platform.IFalPlatformClient, Platform.FalPlatformClient>();
        return services;
    }

    // Once: every HttpClient the factory hands out (several a job) sets it, and reading an assembly's name allocates.
    internal static readonly string UserAgent = $"catwalk/{typeof(FalQueueClient).Assembly.GetName().Version?.ToString(3) ?? "0"}";

    private static void ConfigureJsonClient(HttpClient client)
    {
        client.Timeout = Timeout.InfiniteTimeSpan; // per-attempt timeouts live in the resilience pipeline
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    private static void AddRetryAndTimeout(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context,
        Func<HttpRequestMessage?, Outcome<HttpResponseMessage>, bool> shouldRetry, Func<FalOptions, TimeSpan> attemptTimeout)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<FalOptions>>().Value;
        var client = context.BuilderName;
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(30),
            ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && shouldRetry(args.Context.GetRequestMessage(), args.Outcome)
                                                         && !(RetryAfter(args.Outcome.Result) > MaxRetryAfter)),
            // fal's JS client ignores Retry-After; we honour it (bounded above), else exponential backoff with jitter.
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            OnRetry = args =>
            {
                CatwalkTelemetry.FalRetries.Add(1, new TagList
                {
                    { CatwalkTags.Client, client },
                    { CatwalkTags.StatusCode, args.Outcome.Result is { } response ? (int)response.StatusCode : null },
                    { CatwalkTags.ErrorType, args.Outcome.Exception?.GetType().Name },
                });
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(attemptTimeout(options));
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - (response.Headers.Date ?? DateTimeOffset.UtcNow) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
