namespace Catwalk.Testing;

/// <summary>The checkout these tests were built from: the folder above the test binaries that holds Catwalk.slnx.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Catwalk.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Catwalk.slnx above {AppContext.BaseDirectory}");
    }

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
