using Microsoft.Extensions.Configuration;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// Settings from appsettings.json (beside the program, then in the working folder) and the environment:
/// <c>CATWALK_FAL_QUEUE_URL</c>, <c>CATWALK_FAL_STORAGE_URL</c>, <c>CATWALK_FAL_API_URL</c>, <c>CATWALK_DB</c>, <c>CATWALK_LOG_FORMAT</c>, or <c>Catwalk__Fal__QueueUrl</c> style names.
/// </summary>
internal static class CliConfiguration
{
    /// <summary>Each short environment variable and the setting it gives.</summary>
    public static IReadOnlyDictionary<string, string> ShortNames { get; } = new Dictionary<string, string>
    {
        ["CATWALK_FAL_QUEUE_URL"] = "Catwalk:Fal:QueueUrl",
        ["CATWALK_FAL_STORAGE_URL"] = "Catwalk:Fal:StorageUrl",
        ["CATWALK_FAL_API_URL"] = "Catwalk:Fal:ApiUrl",
        ["CATWALK_DB"] = "Catwalk:Db",
        ["CATWALK_LOG_FORMAT"] = "Catwalk:LogFormat",
    };

    public static IConfiguration Load(IReadOnlyDictionary<string, string?>? environment = null)
    {
        var env = environment ?? Environment();
        var shortNames = new Dictionary<string, string?>();
        foreach (var (variable, setting) in ShortNames)
            if (env.GetValueOrDefault(variable) is { Length: > 0 } value) shortNames[setting] = value;
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
