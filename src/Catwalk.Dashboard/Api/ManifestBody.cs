using System.Text;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Dashboard.Api;

/// <summary>A manifest sent as a request body: its text, and the path it is read as.</summary>
internal static class ManifestBody
{
    /// <summary>Far above any real manifest (10,000 looks come from CSVs on disk, not the body).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>
    /// The name messages use (<c>?name=lookbook.yaml</c>, else by content type), as a bare file name: the reader takes
    /// it as being in the server's working folder, so a manifest's relative image paths are relative to where
    /// <c>catwalk server</c> was started (absolute ones are as given), and messages do not show the server's folders.
    /// </summary>
    public static string SourcePath(HttpRequest request)
    {
        var name = Path.GetFileName(request.Query["name"].ToString());
        if (string.IsNullOrWhiteSpace(name))
            name = request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? "manifest.json" : "manifest.yaml";
        return name;
    }

    /// <summary>The body as UTF-8 text; null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<string?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
