using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Generation;

namespace Catwalk.Core.Tests.Generation;

/// <summary>A settable fake: tests decide what it returns and see what it was asked.</summary>
public sealed class FakeVideoGenerator(ModelDescriptor model) : IVideoGenerator
{
    public List<VideoGenerationRequest> Requests { get; } = [];
    public Func<VideoGenerationRequest, VideoGenerationOptions?, VideoGenerationResponse>? Respond { get; set; }
    public bool Disposed { get; private set; }

    public Task<VideoGenerationResponse> GenerateAsync(VideoGenerationRequest request, VideoGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        return Task.FromResult(Respond?.Invoke(request, options) ?? Response(model, 5));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ModelDescriptor) ? model : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() => Disposed = true;

    public static VideoGenerationResponse Response(ModelDescriptor model, int seconds, bool audio = false) => new()
    {
        ModelKey = model.Key,
        EndpointId = model.EndpointId,
        RequestId = "req-1",
        Video = new GeneratedMedia(new Uri("https://files/v.mp4"), "video/mp4", "v.mp4", 10),
        Arguments = new JsonObject(),
        RawResponse = JsonDocument.Parse("{}").RootElement,
        Settings = new ModelSettings(seconds, model.DefaultResolution, null, audio, 24),
        Duration = new DurationChoice(seconds, seconds),
        Timings = new GenerationTimings(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)),
    };
}
