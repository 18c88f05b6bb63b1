using Catwalk.Domain;

namespace Catwalk.Runs.Import;

/// <summary>
/// The folder being imported: the one named (<see cref="Named"/>), the outputs folder in it (<see cref="Root"/>:
/// itself, or its <c>outputs/</c>), and every <c>meta_*.json</c> under that, in a stable order.
/// </summary>
internal sealed record ImportFolder(string Named, string Root, IReadOnlyList<string> MetadataFiles)
{
    private const string Layout =
        "the original tool's layout is images/YYYY_MM_DD/<model>/meta_<ts>.json and videos/YYYY_MM_DD/<model>/meta_<ts>.json; "
        + "pass that outputs folder or the folder that contains it";

    public static ImportFolder Open(string folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
            throw new InvalidInputException($"Name the folder to import ({Layout}).");
        var named = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(named))
            throw new InvalidInputException($"The folder {named} does not exist ({Layout}).");
        var outputs = Path.Combine(named, "outputs");
        var root = Directory.Exists(outputs) ? outputs : named;
        List<string> files;
        try
        {
            // Hidden folders (a render cache, .git) are skipped by the default attributes; sorted so runs and problems come out in one order.
            files = [.. Directory.EnumerateFiles(root, "meta_*.json", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"The folder {root} cannot be read: {e.Message}", e);
        }
        if (files.Count == 0)
            throw new InvalidInputException($"No metadata files (meta_*.json) were found under {root}: {Layout}.");
        return new ImportFolder(named, root, files);
    }
}
