using System.Collections.Concurrent;
using Microsoft.Extensions.Http;

namespace Catwalk.Fal.Tests;

/// <summary>
/// Sees every request attempt the fal client puts on the wire (method, URL, whether it carried Authorization): it is
/// installed innermost in every HttpClient, below retries and the auth handler, and records before sending.
/// </summary>
public sealed class RequestRecorder : IHttpMessageHandlerBuilderFilter
{
    public ConcurrentQueue<(HttpMethod Method, Uri Url, bool Authorized)> Requests { get; } = new();

    /// <summary>fal's own request headers (<c>X-Fal-*</c>) each attempt carried, by URL.</summary>
    public ConcurrentQueue<(Uri Url, IReadOnlyDictionary<string, string> FalHeaders)> FalHeaders { get; } = new();

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        builder.AdditionalHandlers.Add(new Handler(this));
    };

    private sealed class Handler(RequestRecorder recorder) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            recorder.Requests.Enqueue((request.Method, request.RequestUri!, request.Headers.Authorization is not null));
            recorder.FalHeaders.Enqueue((request.RequestUri!, request.Headers
                .Where(h => h.Key.StartsWith("X-Fal-", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
