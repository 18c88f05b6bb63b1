using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Runs.Journal;

/// <summary>Another live worker holds this job's slot, so it is working on it: this one must not touch it.</summary>
public sealed class JobHeldElsewhereException(JobRecord job, string holder)
    : Exception($"{job.Stage.Name()} job {job.ModelKey} for '{job.InputKey}' is being worked on by {holder}; left to it.")
{
    public string Holder { get; } = holder;
}
