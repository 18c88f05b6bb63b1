using System.Collections.Concurrent;

namespace Catwalk.Emulator.Storage;

/// <summary>
/// Uploaded and produced files, served like fal's CDN under <c>/files/{id}/{name}</c>. Files are written atomically.
/// An upload that asked for a lifetime is gone once it has passed (by <paramref name="time"/>), as fal deletes it.
/// </summary>
internal sealed class FileStore(string root, Func<Uri> baseUri, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, StoredFile> _files = new();
    private readonly ConcurrentDictionary<string, (string Id, string Name, string ContentType, TimeSpan? Lifetime)> _pendingUploads = new();

    public string Root { get; } = Directory.CreateDirectory(root).FullName;

    public Uri UrlOf(StoredFile file) => new(baseUri(), $"files/{file.Id}/{Uri.EscapeDataString(file.Name)}");

    /// <summary>Serves an existing file (e.g. a cached render) under a new id.</summary>
    public StoredFile Publish(string path, string name, string contentType)
    {
        var file = new StoredFile(Guid.NewGuid().ToString("N"), name, path, contentType);
        _files[file.Id] = file;
        return file;
    }

    public StoredFile? Find(string id, string name)
    {
        if (!_files.TryGetValue(id, out var file) || file.Name != name) return null;
        if (file.ExpiresAt is not { } expires || time.GetUtcNow() < expires) return file;
        // Past its lifecycle: deleted for good, as fal does (a later upload of the same bytes is a new file).
        if (_files.TryRemove(new KeyValuePair<string, StoredFile>(id, file))) TryDelete(file.Path);
        return null;
    }

    /// <summary>Finds the file behind one of our own URLs; null for any other URL.</summary>
    public StoredFile? FromUrl(Uri url)
    {
        var own = baseUri();
        if (url.Scheme != own.Scheme || url.Port != own.Port || !string.Equals(url.Host, own.Host, StringComparison.OrdinalIgnoreCase)) return null;
        var segments = url.AbsolutePath.Trim('/').Split('/');
        return segments is ["files", var id, var name] ? Find(id, Uri.UnescapeDataString(name)) : null;
    }

    /// <summary>Reserves an upload: the token for the PUT URL, and the URL the file will have once uploaded.</summary>
    public (string Token, Uri FileUrl) BeginUpload(string fileName, string contentType, TimeSpan? lifetime = null)
    {
        var token = Guid.NewGuid().ToString("N");
        var pending = (Id: Guid.NewGuid().ToString("N"), Name: SafeName(fileName), ContentType: contentType, Lifetime: lifetime);
        _pendingUploads[token] = pending;
        return (token, new Uri(baseUri(), $"files/{pending.Id}/{Uri.EscapeDataString(pending.Name)}"));
    }

    public async Task<StoredFile?> CompleteUploadAsync(string token, Stream body, CancellationToken cancellationToken)
    {
        if (!_pendingUploads.TryRemove(token, out var pending)) return null;
        var folder = Directory.CreateDirectory(Path.Combine(Root, "uploads", pending.Id)).FullName;
        var path = Path.Combine(folder, pending.Name);
        var temp = path + ".part";
        await using (var output = File.Create(temp)) await body.CopyToAsync(output, cancellationToken);
        File.Move(temp, path, overwrite: true);
        // The lifetime runs from when the bytes arrived: never before the uploader started counting it.
        var file = new StoredFile(pending.Id, pending.Name, path, pending.ContentType, time.GetUtcNow() + pending.Lifetime);
        _files[file.Id] = file;
        return file;
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { } // a reader still has it open; the work folder goes with the emulator
        catch (UnauthorizedAccessException) { }
    }

    private static string SafeName(string name)
    {
        var clean = new string(Path.GetFileName(name).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return string.IsNullOrEmpty(clean.Trim('.')) ? "file.bin" : clean;
    }
}
