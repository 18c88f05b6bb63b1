namespace Catwalk.Catalog;

/// <summary>fal endpoint id rules (see fal's <c>parseEndpointId</c>): status, result and cancel use only owner/app.</summary>
public static class EndpointIds
{
    private static readonly string[] Namespaces = ["workflows", "comfy"];

    /// <summary><c>fal-ai/veo3/image-to-video</c> → <c>fal-ai/veo3</c>; <c>workflows/o/a/x</c> → <c>workflows/o/a</c>.</summary>
    public static string OwnerApp(string endpointId)
    {
        var parts = endpointId.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 3 && Namespaces.Contains(parts[0])) return $"{parts[0]}/{parts[1]}/{parts[2]}";
        if (parts.Length >= 2) return $"{parts[0]}/{parts[1]}";
        throw new ArgumentException($"'{endpointId}' is not a fal endpoint id (expected owner/app[/path]).", nameof(endpointId));
    }

    public static bool IsValid(string? endpointId) =>
        !string.IsNullOrWhiteSpace(endpointId)
        && endpointId.Split('/', StringSplitOptions.RemoveEmptyEntries).Length >= 2
        && endpointId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');
}
