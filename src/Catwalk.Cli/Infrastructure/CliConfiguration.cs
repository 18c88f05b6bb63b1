using Microsoft.Extensions.Configuration;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// Settings from appsettings.json (beside the program, then in the working folder) and the environment:
/// <c>CATWALK_FAL_QUEUE_URL</c>, <c>CATWALK_FAL_STORAGE_URL</c>, <c>CATWALK_FAL_API_URL</c>, <c>CATWALK_DB</c>, <c>CATWALK_LOG_FORMAT</c>, or <c>Catwalk__Fal__QueueUrl</c> style names.
/// </summary>
internal static class CliConfiguration
{
    public static IConfiguration Load(IReadOnlyDictionary<string, string?>? environment = null)
    {
        var env = environment ?? Environment();
        var shortNames = new Dictionary<string, string?>();
        if (env.GetValueOrDefault("CATWALK_FAL_QUEUE_URL") is { Length: > 0 } queue) shortNames["Catwalk:Fal:QueueUrl"] = queue;
        if (env.GetValueOrDefault("CATWALK_FAL_STORAGE_URL") is { Length: > 0 } storage) shortNames["Catwalk:Fal:StorageUrl"] = storage;
        if (env.GetValueOrDefault("CATWALK_FAL_API_URL") is { Length: > 0 } api) shortNames["Catwalk:Fal:ApiUrl"] = api;
        if (env.GetValueOrDefault("CATWALK_DB") is { Length: > 0 } db) shortNames["Catwalk:Db"] = db;
        if (env.GetValueOrDefault("CATWALK_LOG_FORMAT") is { Length: > 0 } logFormat) shortNames["Catwalk:LogFormat"] = logFormat;
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddInMemoryCollection(env.Where(e => e.Key.StartsWith("Catwalk__", StringComparison.Ordinal))
                .Select(e => new KeyValuePair<string, string?>(e.Key.Replace("__", ":"), e.Value)))
            .AddInMemoryCollection(shortNames)
            .Build();
    }

    /// <summary>The process's environment variables.</summary>
    public static IReadOnlyDictionary<string, string?> Environment() =>
        System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value);
}
