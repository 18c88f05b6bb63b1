using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Testing;

namespace Catwalk.Emulator.Tests;

/// <summary>A started emulator and a plain HttpClient speaking fal's protocol to it by hand (no Catwalk client code).</summary>
public sealed class EmulatorClient : IAsyncDisposable
{
    private EmulatorClient(FalEmulator emulator, TempDirectory dir) => (Emulator, Dir) = (emulator, dir);

    public FalEmulator Emulator { get; }
    public TempDirectory Dir { get; }
    public HttpClient Http { get; } = new();

    /// <param name="cacheDirectory">A render cache to share between emulators; by default each gets its own, empty.</param>
    public static async Task<EmulatorClient> StartAsync(int gpus = 4, double latencyScale = 0, string? key = null, TimeSpan? keepAlive = null, string? cacheDirectory = null, TimeProvider? time = null)
    {
        var dir = new TempDirectory("catwalk-emu-");
        var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions
        {
            GpusPerEndpoint = gpus, LatencyScale = latencyScale, RequiredKey = key, CacheDirectory = cacheDirectory ?? dir.File("cache"),
            KeepAliveInterval = keepAlive ?? TimeSpan.FromSeconds(15), TimeProvider = time ?? TimeProvider.System,
        }, ModelCatalog.BuiltIn);
        return new EmulatorClient(emulator, dir);
    }

    public Uri Url(string path) => new(Emulator.BaseUri, path.TrimStart('/'));

    public async Task<string> UploadAsync(byte[] bytes, string contentType = "image/png", string name = "ref.png")
    {
        using var initiate = await Http.PostAsJsonAsync(Url("storage/upload/initiate?storage_type=fal-cdn-v3"), new { content_type = contentType, file_name = name });
        initiate.EnsureSuccessStatusCode();
        var urls = await initiate.Content.ReadFromJsonAsync<JsonObject>();
        using var put = await Http.PutAsync(urls!["upload_url"]!.GetValue<string>(), new ByteArrayContent(bytes));
        put.EnsureSuccessStatusCode();
        return urls["file_url"]!.GetValue<string>();
    }

    public async Task<(int Status, JsonObject Body)> SubmitAsync(string endpoint, JsonObject input)
    {
        using var response = await Http.PostAsJsonAsync(Url(endpoint), input);
        return ((int)response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    /// <summary>Polls the status URL fal returned until COMPLETED, then GETs the response URL.</summary>
    public async Task<JsonObject> WaitForResultAsync(JsonObject submitted)
    {
        var (status, body, _) = await WaitForResultResponseAsync(submitted);
        status.ShouldBe(200, body.ToJsonString());
        return body;
    }

    /// <summary>The last COMPLETED status, then the result's HTTP status, body and headers — errors included.</summary>
    public async Task<(int Status, JsonObject Body, HttpResponseHeaders Headers)> WaitForResultResponseAsync(JsonObject submitted) =>
        (await WaitForCompletionAsync(submitted)).Result;

    public async Task<(JsonObject Completed, (int Status, JsonObject Body, HttpResponseHeaders Headers) Result)> WaitForCompletionAsync(JsonObject submitted)
    {
        JsonObject? completed = null;
        for (var i = 0; i < 2000 && completed is null; i++)
        {
            var status = await Http.GetFromJsonAsync<JsonObject>(submitted["status_url"]!.GetValue<string>());
            if (status!["status"]!.GetValue<string>() == "COMPLETED") completed = status;
            else await Task.Delay(25);
        }
        completed.ShouldNotBeNull("the job never completed");
        using var result = await Http.GetAsync(submitted["response_url"]!.GetValue<string>());
        return (completed, ((int)result.StatusCode, (await result.Content.ReadFromJsonAsync<JsonObject>())!, result.Headers));
    }

    public async Task<string> DownloadAsync(string url, string name)
    {
        var path = Dir.File(name);
        await File.WriteAllBytesAsync(path, await Http.GetByteArrayAsync(url));
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
        Dir.Dispose();
    }

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static JsonElement Element(JsonObject o) => JsonSerializer.SerializeToElement(o);
}
