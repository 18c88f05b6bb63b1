using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// The pairs of jobs a blind vote can show, one stage at a time: two models' results of the same input, one result per
/// model (its newest). Videos: the look's videos at one duration (<see cref="CompareGroup"/>) of one image. Images: the dressed
/// images of one look and angle (their input key, which names no model) by different image models — each model's final
/// image only: a try-on chain's earlier steps are half-dressed people that only feed the next step.
/// </summary>
public static class VoteCandidates
{
    public static IReadOnlyList<(JobRecord A, JobRecord B)> Of(StageKind stage, IReadOnlyList<JobRecord> jobs) =>
        stage == StageKind.Image ? Images(jobs) : Videos(jobs);

    private static List<(JobRecord A, JobRecord B)> Videos(IReadOnlyList<JobRecord> jobs)
    {
        var candidates = new List<(JobRecord A, JobRecord B)>();
        // Two videos of one image: when a run compares image models, a look's videos animate several images, and a pair of
        // video models across two of them would be judged partly on the image models' work.
        foreach (var group in CompareGroup.Of(jobs))
            foreach (var image in group.Videos.GroupBy(v => v.InputJobId ?? "", StringComparer.Ordinal))
                AddPairs(candidates, [.. image]);
        return candidates;
    }

    private static List<(JobRecord A, JobRecord B)> Images(IReadOnlyList<JobRecord> jobs)
    {
        var steps = DressedImages.StepsIn(jobs);
        var finals = jobs.Where(j => j.Stage == StageKind.Image && j.State == JobState.Downloaded && JobMedia.IsImage(j) && !steps.Contains(j.Id));
        var candidates = new List<(JobRecord A, JobRecord B)>();
        foreach (var group in finals.GroupBy(j => (j.RunId, j.InputKey)).OrderBy(g => g.Key.RunId, StringComparer.Ordinal).ThenBy(g => g.Key.InputKey, StringComparer.Ordinal))
            AddPairs(candidates, [.. group]);
        return candidates;
    }

    /// <summary>Every two models' newest results of one input.</summary>
    private static void AddPairs(List<(JobRecord A, JobRecord B)> candidates, IReadOnlyList<JobRecord> results)
    {
        var newest = results.GroupBy(j => j.ModelKey, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.MaxBy(j => j.CreatedAt)!).ToList();
        for (var i = 0; i < newest.Count; i++)
            for (var j = i + 1; j < newest.Count; j++)
                candidates.Add((newest[i], newest[j]));
    }
}
