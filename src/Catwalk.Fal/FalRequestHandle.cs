namespace Catwalk.Fal;

/// <summary>A queued request: the endpoint it was submitted to and fal's request id.</summary>
public sealed record FalRequestHandle(string EndpointId, string RequestId)
{
    private static readonly string[] Namespaces = ["workflows", "comfy"];

    /// <summary>fal's status, result and cancel URLs use only owner/app (fal's parseEndpointId): <c>fal-ai/veo3/image-to-video</c> → <c>fal-ai/veo3</c>.</summary>
    public string OwnerApp
    {
        get
        {
            var parts = EndpointId.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 3 && Namespaces.Contains(parts[0])) return $"{parts[0]}/{parts[1]}/{parts[2]}";
            if (parts.Length >= 2) return $"{parts[0]}/{parts[1]}";
            throw new ArgumentException($"'{EndpointId}' is not a fal endpoint id (owner/app[/path]).");
        }
    }
}
