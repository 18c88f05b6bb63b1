using Catwalk.Cli.Infrastructure.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// Settings Catwalk would ignore: an unknown <c>Catwalk:*</c> key (appsettings.json or a <c>Catwalk__*</c> variable) or a
/// <c>CATWALK_*</c> variable nothing reads. Warnings, not errors: other tools share the environment.
/// </summary>
internal static class ConfigurationCheck
{
    public static IEnumerable<string> Warnings(IConfiguration configuration, IReadOnlyDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.Where(n => n.StartsWith("CATWALK_", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (KnownSettings.EnvironmentVariables.Contains(name)) continue;
            var near = Suggestion.Closest(name, KnownSettings.EnvironmentVariables);
            yield return $"environment variable {name} is not a Catwalk setting and is ignored" + (near is null ? "." : $"; did you mean {near}?");
        }
        foreach (var key in LeafKeys(configuration.GetSection("Catwalk")).Order(StringComparer.OrdinalIgnoreCase))
        {
            if (KnownSettings.ConfigurationKeys.Contains(key, StringComparer.OrdinalIgnoreCase)) continue;
            var near = Suggestion.Closest(key, KnownSettings.ConfigurationKeys);
            yield return $"setting {key} ({Source(configuration, key)}) is not one Catwalk reads and is ignored" + (near is null ? "." : $"; did you mean {near}?");
        }
    }

    private static IEnumerable<string> LeafKeys(IConfigurationSection section) =>
        section.GetChildren().SelectMany(child => child.GetChildren().Any() ? LeafKeys(child) : [child.Path]);

    private static string Source(IConfiguration configuration, string key)
    {
        var provider = (configuration as IConfigurationRoot)?.Providers.LastOrDefault(p => p.TryGet(key, out _));
        return provider is JsonConfigurationProvider { Source: var json }
            ? $"in {json.FileProvider?.GetFileInfo(json.Path ?? "").PhysicalPath ?? json.Path}"
            : "from the environment";
    }
}
