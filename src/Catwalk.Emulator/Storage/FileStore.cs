using System.Collections.Concurrent;

namespace Catwalk.Emulator.Storage;

/// <summary>Uploaded and produced files, served like fal's CDN under <c>/files/{id}/{name}</c>. Files are written atomically.</summary>
internal sealed class FileStore(string root, Func<Uri> baseUri)
{
    private readonly ConcurrentDictionary<string, StoredFile> _files = new();
    private readonly ConcurrentDictionary<string, (string Id, string Name, string ContentType)> _pendingUploads = new();

    public string Root { get; } = Directory.CreateDirectory(root).FullName;

    public Uri UrlOf(StoredFile file) => new(baseUri(), $"files/{file.Id}/{Uri.EscapeDataString(file.Name)}");

    /// <summary>Serves an existing file (e.g. a cached render) under a new id.</summary>
    public StoredFile Publish(string path, string name, string contentType)
    {
        var file = new StoredFile(Guid.NewGuid().ToString("N"), name, path, contentType);
        _files[file.Id] = file;
        return file;
    }

    public StoredFile? Find(string id, string name) =>
        _files.TryGetValue(id, out var file) && file.Name == name ? file : null;

    /// <summary>Finds the file behind one of our own URLs; null for any other URL.</summary>
    public StoredFile? FromUrl(Uri url)
    {
        var own = baseUri();
        if (url.Scheme != own.Scheme || url.Port != own.Port || !string.Equals(url.Host, own.Host, StringComparison.OrdinalIgnoreCase)) return null;
        var segments = url.AbsolutePath.Trim('/').Split('/');
        return segments is ["files", var id, var name] ? Find(id, Uri.UnescapeDataString(name)) : null;
    }

    /// <summary>Reserves an upload: the token for the PUT URL, and the URL the file will have once uploaded.</summary>
    public (string Token, Uri FileUrl) BeginUpload(string fileName, string contentType)
    {
        var token = Guid.NewGuid().ToString("N");
        var pending = (Id: Guid.NewGuid().ToString("N"), Name: SafeName(fileName), ContentType: contentType);
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
        var file = new StoredFile(pending.Id, pending.Name, path, pending.ContentType);
        _files[file.Id] = file;
        return file;
    }

    private static string SafeName(string name)
    {
        var clean = new string(Path.GetFileName(name).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return string.IsNullOrEmpty(clean.Trim('.')) ? "file.bin" : clean;
    }
}
