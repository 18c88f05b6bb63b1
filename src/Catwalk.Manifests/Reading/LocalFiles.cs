namespace Catwalk.Manifests.Reading;

/// <summary>
/// Paths written in a manifest or CSV: resolved against that file's folder (not the current directory, so a manifest
/// works wherever it is run from) and checked to be a readable file. Contents are the pipeline's business.
/// </summary>
internal static class LocalFiles
{
    public static string Resolve(string written, string folder)
    {
        var path = written;
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
            path = Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[1..]);
        return Path.GetFullPath(path, folder);
    }

    /// <summary>The absolute path of an existing, readable file, or an error at <paramref name="at"/>.</summary>
    /// <param name="what">"image", "CSV file", for the message.</param>
    public static string Check(string written, SourceFile relativeTo, Spot at, string what)
    {
        if (written.Contains("://", StringComparison.Ordinal))
            throw at.Error($"'{written}' is a URL; give the path of a local {what}");
        var full = Resolve(written, relativeTo.Folder);
        var relative = Path.IsPathRooted(written) ? "" : $"; relative paths are relative to the {relativeTo.Kind}'s folder";
        if (Directory.Exists(full))
            throw at.Error($"{what} '{written}' is a folder ({full}); give a file");
        if (!File.Exists(full))
            throw at.Error($"{what} '{written}' does not exist (looked for {full}{relative})");
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw at.Error($"{what} '{written}' ({full}) cannot be read: {e.Message}", e);
        }
        return full;
    }
}
