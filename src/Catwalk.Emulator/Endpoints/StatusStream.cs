using System.Text.Json;
using Catwalk.Emulator.Queue;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Emulator.Endpoints;

/// <summary>fal's status stream: a <c>data:</c> event on every change, a keep-alive comment when quiet, closed after COMPLETED.</summary>
internal static class StatusStream
{
    public static async Task WriteAsync(HttpContext http, EmulatedJob job, EmulatorContext context, bool includeLogs, bool cutAfterFirstEvent = false)
    {
        context.Stats.StreamCall(job.Model.EndpointId);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var aborted = http.RequestAborted;
        string? last = null;
        try
        {
            while (true)
            {
                var changed = job.Changed;
                var body = JsonSerializer.Serialize(StatusJson.For(job, context.BaseUri, context.Queue.PositionOf(job), includeLogs));
                if (body != last)
                {
                    await http.Response.WriteAsync($"data: {body}\n\n", aborted);
                    await http.Response.Body.FlushAsync(aborted);
                    last = body;
                    if (cutAfterFirstEvent && job.State != JobState.Completed)
                    {
                        http.Abort(); // the stream breaks mid-job, as a flaky network would break it
                        return;
                    }
                }
                if (job.State == JobState.Completed) return;
                var winner = await Task.WhenAny(changed, Task.Delay(context.Options.KeepAliveInterval, context.Options.TimeProvider, aborted));
                if (winner != changed)
                {
                    aborted.ThrowIfCancellationRequested();
                    await http.Response.WriteAsync(": keep-alive\n\n", aborted);
                    await http.Response.Body.FlushAsync(aborted);
                }
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested) { }
    }
}
