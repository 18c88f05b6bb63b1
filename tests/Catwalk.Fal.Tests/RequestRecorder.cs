using System.Collections.Concurrent;

namespace Catwalk.Fal.Tests;

/// <summary>Sees every request the fal client sends (method, URL, whether it carried Authorization), outermost in each HttpClient.</summary>
public sealed class RequestRecorder
{
    public ConcurrentQueue<(HttpMethod Method, Uri Url, bool Authorized)> Requests { get; } = new();

    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(RequestRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            // Recorded after the inner handlers ran, so an Authorization header they added is seen.
            recorder.Requests.Enqueue((request.Method, request.RequestUri!, request.Headers.Authorization is not null));
            return response;
        }
    }
}
