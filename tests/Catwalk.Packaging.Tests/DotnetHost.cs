namespace Catwalk.Packaging.Tests;

/// <summary>The real <c>dotnet</c> on this machine (its symlinks followed), found on PATH.</summary>
public static class DotnetHost
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = new FileInfo(System.IO.Path.Combine(dir, "dotnet"));
            if (candidate.Exists) return candidate.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate.FullName;
        }
        throw new InvalidOperationException("dotnet is not on PATH");
    }
}
