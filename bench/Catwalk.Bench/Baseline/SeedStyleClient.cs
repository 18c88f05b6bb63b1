using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Catwalk.Bench.Baseline;

/// <summary>
/// The original tool's way of calling fal, rebuilt honestly as the baseline: one request at a time, every input
/// image inline as a base64 data URI in every request, status polled every 0.5 s, whole responses and media
/// buffered in memory before anything is written.
/// </summary>
public sealed class SeedStyleClient(HttpClient http, Uri queue)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public int StatusPolls { get; private set; }

    public static string DataUri(byte[] png) => $"data:image/png;base64,{Convert.ToBase64String(png)}";

    /// <summary>Submits, polls until done, fetches the result and downloads its media into memory; returns the media and the wall time.</summary>
    public async Task<(byte[] Media, TimeSpan Latency)> RunAsync(string endpointId, JsonObject arguments, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var submit = await http.PostAsJsonAsync(new Uri(queue, endpointId), arguments, cancellationToken);
        submit.EnsureSuccessStatusCode();
        var job = JsonNode.Parse(await submit.Content.ReadAsStringAsync(cancellationToken))!;
        while (true)
        {
            await Task.Delay(PollInterval, cancellationToken);
            StatusPolls++;
            var status = JsonNode.Parse(await http.GetStringAsync(job["status_url"]!.GetValue<string>(), cancellationToken))!;
            if (status["status"]!.GetValue<string>() == "COMPLETED") break;
        }
        var result = JsonNode.Parse(await http.GetStringAsync(job["response_url"]!.GetValue<string>(), cancellationToken))!;
        var url = result["video"]?["url"] ?? result["images"]![0]!["url"];
        var media = await http.GetByteArrayAsync(url!.GetValue<string>(), cancellationToken);
        return (media, Stopwatch.GetElapsedTime(started));
    }
}
