using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Fal.Tests.Scripted;

/// <summary>Catwalk's JSON bodies carry Content-Length, as fal's own clients send them, never chunked transfer.</summary>
public class RequestBodyFramingTests
{
    [Fact]
    public async Task Submit_and_upload_initiation_send_a_content_length_and_no_chunked_encoding()
    {
        var seen = new List<(string Path, long? Length, string? TransferEncoding, string Body)>();
        await using var fal = await ScriptedFal.StartAsync(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            lock (seen) seen.Add((context.Request.Path, context.Request.ContentLength, context.Request.Headers.TransferEncoding.ToString(), body));
            var origin = $"{context.Request.Scheme}://{context.Request.Host}";
            object answer = context.Request.Path.Value switch
            {
                "/storage/upload/initiate" => new { upload_url = $"{origin}/put/a.png", file_url = $"{origin}/files/a.png" },
                "/put/a.png" => new { },
                _ => new { status = "IN_QUEUE", request_id = "r1", queue_position = 0, response_url = $"{origin}/o/m/requests/r1", status_url = $"{origin}/o/m/requests/r1/status", cancel_url = $"{origin}/o/m/requests/r1/cancel" },
            };
            await context.Response.WriteAsJsonAsync(answer);
        });

        await fal.Client.SubmitAsync("o/m/image-to-video", new JsonObject { ["prompt"] = "walk — über", ["image_url"] = "https://example.com/a.png" });
        await fal.Storage.UploadAsync(new MemoryStream([1, 2, 3]), "image/png", "a.png");

        seen.Count.ShouldBe(3);
        foreach (var (path, length, chunked, body) in seen)
        {
            chunked.ShouldBeEmpty(path);
            length.ShouldBe(System.Text.Encoding.UTF8.GetByteCount(body), path);
        }
        seen[0].Body.ShouldContain("\"prompt\"");
    }
}
