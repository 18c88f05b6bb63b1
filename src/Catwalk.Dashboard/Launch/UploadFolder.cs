using Catwalk.Domain;

namespace Catwalk.Dashboard.Launch;

/// <summary>
/// Where the launch page keeps uploaded references: <c>&lt;OutputRoot&gt;/uploads/&lt;guid&gt;/</c>, one folder per form.
/// Each file is checked like a command-line reference (<see cref="ReferenceImageLoader"/>); a bad one is deleted and
/// its problem returned.
/// </summary>
public sealed class UploadFolder(string outputRoot)
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetFullPath(outputRoot), "uploads", Guid.NewGuid().ToString("N"));

    /// <summary>Saves <paramref name="content"/> as <paramref name="role"/>'s image; the saved full path, or why it was refused.</summary>
    public async Task<(string? Path, string? Error)> SaveAsync(ReferenceRole role, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path);
        var name = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}-{Safe(fileName)}";
        var path = System.IO.Path.Combine(Path, name);
        try
        {
            await using (var file = File.Create(path)) await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            await ReferenceImageLoader.LoadAsync(role, path, cancellationToken: cancellationToken).ConfigureAwait(false);
            return (path, null);
        }
        catch (Exception e) when (e is InvalidInputException or IOException)
        {
            File.Delete(path);
            var message = e is InvalidInputException ? e.Message.Replace(path, fileName, StringComparison.Ordinal) : $"'{fileName}' could not be saved: {e.Message}";
            return (null, message);
        }
    }

    /// <summary>The name an upload was given by its sender ("outfit-shoes.png"), without the role and the random part <see cref="SaveAsync"/> put before it.</summary>
    public static string ShownName(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        var parts = name.Split('-', 3);
        return parts.Length == 3 && parts[1].Length == 8 && parts[1].All(char.IsAsciiHexDigitLower) ? parts[2] : name;
    }

    /// <summary>The file name without folders or characters a path could trip on.</summary>
    internal static string Safe(string fileName)
    {
        var name = System.IO.Path.GetFileName(fileName.Replace('\\', '/'));
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]).TrimStart('.');
        return safe.Length == 0 ? "image" : safe.Length > 80 ? safe[^80..] : safe;
    }
}
