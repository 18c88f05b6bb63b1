namespace Catwalk.Testing;

/// <summary>A fresh folder under /tmp, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "catwalk-test-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public IEnumerable<string> AllFiles() => Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { } // a process still finishing may hold a file; the OS cleans /tmp
    }
}
