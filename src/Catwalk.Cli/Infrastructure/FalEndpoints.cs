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
        return new FalEndpoints(new Uri(fal["QueueUrl"] ?? "https://queue.fal.run"), new Uri(fal["StorageUrl"] ?? "https://rest.fal.ai"), new Uri(fal["ApiUrl"] ?? "https://api.fal.ai/v1"));
    }

    /// <summary>A fal-compatible server the user pointed Catwalk at (not fal's own host).</summary>
    public bool CustomServer => !QueueUrl.Host.EndsWith("fal.run", StringComparison.OrdinalIgnoreCase);

    public bool UseEmulator(bool asked, FalKey? key) => asked || (key is null && !CustomServer);

    /// <summary>An emulator on <paramref name="baseUri"/> serves all three.</summary>
    public static FalEndpoints Emulator(Uri baseUri) => new(baseUri, baseUri, new Uri(baseUri, "v1"));
}
