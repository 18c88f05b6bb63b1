using System.Text.RegularExpressions;

namespace Catwalk.Fal;

/// <summary>A queued request: the endpoint it was submitted to and fal's request id.</summary>
public sealed partial record FalRequestHandle(string EndpointId, string RequestId)
{
    private static readonly string[] Namespaces = ["workflows", "comfy"];

    /// <summary>
    /// The part of the endpoint id that fal's status, result and cancel URLs use, as fal's <c>parseEndpointId</c>
    /// builds it: <c>fal-ai/veo3/image-to-video</c> → <c>fal-ai/veo3</c>; the namespaces <c>workflows</c> and
    /// <c>comfy</c> keep three parts (<c>workflows/owner/app</c>); a legacy <c>123-name</c> becomes <c>123/name</c>.
    /// </summary>
    // Computed on each read (it is cheap) so a `with { EndpointId = … }` copy can never carry a stale value.
    public string OwnerApp => ParseOwnerApp(EndpointId);

    private static string ParseOwnerApp(string endpointId)
    {
        ArgumentNullException.ThrowIfNull(endpointId);
        var parts = endpointId.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 3 && Namespaces.Contains(parts[0])) return $"{parts[0]}/{parts[1]}/{parts[2]}";
        if (parts.Length >= 2) return $"{parts[0]}/{parts[1]}";
        if (parts.Length == 1 && LegacyAppId().Match(parts[0]) is { Success: true } legacy) return $"{legacy.Groups[1].Value}/{legacy.Groups[2].Value}";
        throw new ArgumentException($"'{endpointId}' is not a fal endpoint id (owner/app[/path]).", nameof(endpointId));
    }

    [GeneratedRegex(@"^([0-9]+)-([a-zA-Z0-9_-]+)$")]
    private static partial Regex LegacyAppId();
}
