using Catwalk.Catalog;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// The user's own catalog, <c>catwalk.models.json</c> in the working folder: read by every command whenever it exists
/// (then any <c>--catalog</c> files), and where <c>models add</c> writes unless told another file.
/// </summary>
internal static class UserCatalog
{
    public const string FileName = "catwalk.models.json";

    public static string DefaultPath => Path.GetFullPath(FileName);

    /// <summary>The catalog files a command reads: the user catalog when it exists, then the ones given.</summary>
    public static string[] Files(string[]? given)
    {
        var files = (given ?? []).Select(Path.GetFullPath).ToList();
        if (File.Exists(DefaultPath) && !files.Contains(DefaultPath)) files.Insert(0, DefaultPath);
        return [.. files];
    }

    public static ModelCatalog Load(string[]? given) => ModelCatalog.WithFiles(Files(given));
}
