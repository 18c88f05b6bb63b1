using Catwalk.Fal;
using Microsoft.Extensions.Configuration;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// Where fal's three APIs are (queue, storage, Platform) by configuration, and the one rule for when a command uses the
/// built-in emulator instead: asked to, or no key and fal's own queue host.
/// </summary>
internal sealed record FalEndpoints(Uri QueueUrl, Uri StorageUrl, Uri ApiUrl)
{
    public static FalEndpoints From(IConfiguration configuration)
    {
        var fal = configuration.GetSection("Catwalk:Fal");
        return new FalEndpoints(Url(fal, "QueueUrl", "https://queue.fal.run"), Url(fal, "StorageUrl", "https://rest.fal.ai"), Url(fal, "ApiUrl", "https://api.fal.ai/v1"));
    }

    /// <summary>
    /// A setting that is not a URL at all is refused here, in the same words as the host's validation of one that is
    /// not http(s) (which needs it as a URL to say so).
    /// </summary>
    private static Uri Url(IConfigurationSection fal, string key, string fallback)
    {
        var value = fal[key] ?? fallback;
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri)) return uri;
        var name = $"{fal.Path}:{key}";
        throw new Domain.InvalidInputException($"{name} must be an absolute http(s) URL, not '{value}'. {SettingProblem.WhereToFix([name])}.");
    }

    /// <summary>A fal-compatible server the user pointed Catwalk at (not fal's own host).</summary>
    public bool CustomServer => !QueueUrl.Host.EndsWith("fal.run", StringComparison.OrdinalIgnoreCase);

    public bool UseEmulator(bool asked, FalKey? key) => asked || (key is null && !CustomServer);

    /// <summary>An emulator on <paramref name="baseUri"/> serves all three.</summary>
    public static FalEndpoints Emulator(Uri baseUri) => new(baseUri, baseUri, new Uri(baseUri, "v1"));
}
