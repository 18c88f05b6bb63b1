namespace Catwalk.Runs.Sharing;

/// <summary>Where a stored job's file is: a relative path inside its run's output folder (one that leaves it is refused), an absolute one as imported.</summary>
public static class MediaPath
{
    public static string? Resolve(string outputRoot, string? stored)
    {
        if (stored is not { Length: > 0 } || stored.Contains('\0')) return null;
        if (Path.IsPathRooted(stored)) return Path.GetFullPath(stored);
        var root = Path.GetFullPath(outputRoot);
        var full = Path.GetFullPath(Path.Combine(root, stored));
        var relative = Path.GetRelativePath(root, full);
        return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : full;
    }
}
