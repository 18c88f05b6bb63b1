using System.Net.Http.Headers;
using System.Text.Json;

namespace Catwalk.Fal.Internal;

/// <summary>
/// A JSON request body with its Content-Length, as fal's own clients send it: <c>JsonContent</c> streams without a length,
/// which HTTP/1.1 sends chunked — nothing gained for a small body, and some proxies refuse it.
/// </summary>
internal static class FalJsonContent
{
    public static ByteArrayContent Create<T>(T value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
