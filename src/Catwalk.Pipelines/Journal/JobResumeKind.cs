namespace Catwalk.Pipelines.Journal;

public enum JobResumeKind
{
    /// <summary>Never sent: submit it.</summary>
    Fresh,
    /// <summary>fal has it: collect the result by request id, never resubmit.</summary>
    Collect,
    /// <summary>Already saved by an earlier attempt: nothing to do.</summary>
    Done,
    /// <summary>An identical earlier job's result can be reused instead of paying again.</summary>
    Cached,
    /// <summary>Ended earlier (failed, cancelled, unknown) and not reopened: report it, do not run it.</summary>
    Skip,
}
