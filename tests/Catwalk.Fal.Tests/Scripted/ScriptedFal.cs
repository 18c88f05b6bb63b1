using Catwalk.Testing;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Catwalk.Fal.Tests.Scripted;

/// <summary>The fal client wired as in production (AddFalClient), pointed at a <see cref="ScriptedServer"/>, logging everything at Trace.</summary>
public sealed class ScriptedFal : IAsyncDisposable
{
    private ScriptedFal(ScriptedServer server, ServiceProvider services, StringBuilder logs) => (Server, Services, Logs) = (server, services, logs);

    public ScriptedServer Server { get; }
    public ServiceProvider Services { get; }
    public StringBuilder Logs { get; }
    public IFalQueueClient Client => Services.GetRequiredService<IFalQueueClient>();
    public IFalStorage Storage => Services.GetRequiredService<IFalStorage>();
    public IFalMediaDownloader Downloader => Services.GetRequiredService<IFalMediaDownloader>();

    public static async Task<ScriptedFal> StartAsync(Func<Microsoft.AspNetCore.Http.HttpContext, Task> handle, string? key = null, Action<FalOptions>? configure = null)
    {
        var server = await ScriptedServer.StartAsync(handle);
        var logs = new StringBuilder();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new StringLoggerProvider(logs)))
            .AddFalClient(o =>
            {
                o.QueueUrl = server.BaseUri;
                o.StorageUrl = server.BaseUri;
                o.Key = key is null ? null : FalKey.FromEnvironment(new Dictionary<string, string?> { ["FAL_KEY"] = key });
                o.PollInterval = TimeSpan.FromMilliseconds(20);
                o.MaxPollInterval = TimeSpan.FromMilliseconds(100);
                o.MaxRetries = 2;
                configure?.Invoke(o);
            })
            .BuildServiceProvider();
        return new ScriptedFal(server, services, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
