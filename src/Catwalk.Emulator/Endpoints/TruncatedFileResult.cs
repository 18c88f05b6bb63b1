using Microsoft.AspNetCore.Http;

namespace Catwalk.Emulator.Endpoints;

/// <summary>A download fault: announces the whole file's length, sends half of it, then drops the connection.</summary>
internal sealed class TruncatedFileResult(string path, string contentType) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var bytes = await File.ReadAllBytesAsync(path, httpContext.RequestAborted);
        httpContext.Response.ContentType = contentType;
        httpContext.Response.ContentLength = bytes.Length;
        await httpContext.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), httpContext.RequestAborted);
        await httpContext.Response.Body.FlushAsync(httpContext.RequestAborted);
        httpContext.Abort();
    }
}
