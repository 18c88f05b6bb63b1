using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Catwalk.Fal.Tests.Scripted;

/// <summary>What a scripted server saw: method, path with query, and the request headers.</summary>
public sealed record SeenRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A real HTTP server on loopback whose answers each test scripts, for what the emulator does not do (odd status
/// codes, error pages, silent streams, results that lag their status). Every request is recorded with its headers.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedServer(WebApplication app, Uri baseUri) => (_app, BaseUri) = (app, baseUri);

    public Uri BaseUri { get; }
    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public int Count(string method, string pathPrefix) => Requests.Count(r => r.Method == method && r.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal));

    public static async Task<ScriptedServer> StartAsync(Func<HttpContext, Task> handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ScriptedServer? server = null;
        app.Run(async context =>
        {
            var request = context.Request;
            server!.Requests.Enqueue(new SeenRequest(request.Method, $"{request.Path}{request.QueryString}",
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            await handle(context);
        });
        await app.StartAsync();
        server = new ScriptedServer(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
