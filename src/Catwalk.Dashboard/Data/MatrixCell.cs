using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>One video model's video of one image in a look's matrix; <see cref="Job"/> is null when none was planned.</summary>
public sealed record MatrixCell(string VideoModel, JobRecord? Job)
{
    /// <summary>True when there is a video to play.</summary>
    public bool HasVideo => Job is { State: JobState.Downloaded } job && JobMedia.IsVideo(job);

    /// <summary>Why the cell is empty: the job's state and error, or that no such video was planned.</summary>
    public string Missing => Job is null ? "not planned"
        : Job.Error is { Length: > 0 } error ? $"{JobStateMachine.Name(Job.State)}: {error}"
        : JobStateMachine.Name(Job.State);
}
