using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Catwalk.Fal.Internal;

/// <summary>
/// Adds <c>Authorization: Key …</c>, and only to requests for the configured fal queue, storage and Platform API hosts, and
/// only when the caller did not set one (the Platform client puts the ADMIN key on ADMIN calls itself).
/// </summary>
internal sealed class FalAuthorizationHandler(IOptions<FalOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.Key is { } key && request.Headers.Authorization is null && request.RequestUri is { } uri
            && (SameOrigin(uri, o.QueueUrl) || SameOrigin(uri, o.StorageUrl) || SameOrigin(uri, o.ApiUrl)))
            request.Headers.Authorization = new AuthenticationHeaderValue("Key", key.Value);
        return base.SendAsync(request, cancellationToken);
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
