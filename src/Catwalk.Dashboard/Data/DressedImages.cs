using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// Which image jobs are a look's dressed image. A try-on model dresses an outfit with a chain of calls, each dressing
/// the image before it (its input job); every step but the last is a half-dressed person that only feeds the next one.
/// </summary>
public static class DressedImages
{
    /// <summary>The ids of image jobs that another image job dresses further — steps, not dressed images (even when the later step failed: the model did not finish).</summary>
    public static IReadOnlySet<string> StepsIn(IEnumerable<JobRecord> jobs) =>
        jobs.Where(j => j.Stage == StageKind.Image && j.InputJobId is not null).Select(j => j.InputJobId!).ToHashSet(StringComparer.Ordinal);
}
