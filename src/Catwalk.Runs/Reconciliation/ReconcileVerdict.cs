namespace Catwalk.Runs.Reconciliation;

/// <summary>What fal's request history said about a job left unknown.</summary>
public enum ReconcileVerdict
{
    /// <summary>fal has it (a listed request with the job's recorded input): its request id is recorded and its result collected.</summary>
    Adopted,
    /// <summary>fal never started it before its start deadline, so it never ran nor billed: planned again, to be sent once more.</summary>
    Resent,
    /// <summary>Not decidable yet (before the deadline, no deadline, or fal kept no input to compare): left unknown, with why.</summary>
    StillUnknown,
}
