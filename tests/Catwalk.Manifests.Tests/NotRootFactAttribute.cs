namespace Catwalk.Manifests.Tests;

/// <summary>A test of file permissions, which root ignores: skipped (with the reason) when run as root.</summary>
public sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (Environment.IsPrivilegedProcess) Skip = "root can read any file, so an unreadable file cannot be made";
    }
}
