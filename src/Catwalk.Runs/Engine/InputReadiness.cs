namespace Catwalk.Runs.Engine;

/// <summary>Whether a job can run, given how the jobs it consumes ended.</summary>
public enum InputReadiness
{
    /// <summary>Every input is downloaded: the job runs.</summary>
    Ready,
    /// <summary>An input is not done yet (held by the budget, still at fal past the timeout): the job stays planned for a resume.</summary>
    Held,
    /// <summary>An input ended without a result (failed, cancelled, unknown): the job fails, not run.</summary>
    Blocked,
}
