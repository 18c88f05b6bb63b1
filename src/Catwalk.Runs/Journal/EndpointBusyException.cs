using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Runs.Journal;

/// <summary>The job's endpoint stayed at its limit of jobs at fal for as long as the gate was asked to wait: try it later.</summary>
public sealed class EndpointBusyException(JobRecord job, int limit)
    : Exception($"{job.EndpointId} already has its {limit} job(s) at fal; {job.Stage.Name()} job {job.ModelKey} for '{job.InputKey}' waits its turn.");
