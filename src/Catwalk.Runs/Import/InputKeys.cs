using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Runs.Import;

/// <summary>
/// A run holds one job per stage, model and input, but the original tool may have animated one image with one
/// model many times: repeats get "#2", "#3"… so every file keeps its own job.
/// </summary>
internal static class InputKeys
{
    public static List<JobRecord> MakeUnique(IReadOnlyList<JobRecord> jobs)
    {
        var taken = new HashSet<(StageKind, string, string)>();
        var unique = new List<JobRecord>(jobs.Count);
        foreach (var job in jobs)
        {
            var key = job.InputKey;
            for (var n = 2; !taken.Add((job.Stage, job.ModelKey, key)); n++) key = $"{job.InputKey} #{n}";
            unique.Add(key == job.InputKey ? job : job with { InputKey = key });
        }
        return unique;
    }
}
