using Hangfire;

namespace Catwalk.Workers;

/// <summary>
/// Hangfire's process-wide job filters as Catwalk wants them: without its culture capture, which stored two parameters
/// with every job and read them back before every run of it (four database round trips a job). A Catwalk job's
/// arguments are ids, and nothing it does depends on the culture of the process that queued it.
/// </summary>
internal static class HangfireFilters
{
    private static readonly Lock Gate = new();
    private static bool _applied;

    public static void Apply()
    {
        lock (Gate)
        {
            if (_applied) return;
            foreach (var filter in GlobalJobFilters.Filters.Where(f => f.Instance is CaptureCultureAttribute).ToList()) GlobalJobFilters.Filters.Remove(filter.Instance);
            _applied = true;
        }
    }
}
