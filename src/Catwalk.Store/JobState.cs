namespace Catwalk.Store;

/// <summary>
/// Where a job is. The order matters for money: a job is <see cref="Submitting"/> from just before its request is
/// sent until fal's request id is committed, so a crash in that window leaves <see cref="Unknown"/> (maybe billed)
/// instead of a job that would silently be sent twice.
/// </summary>
public enum JobState
{
    /// <summary>Known, nothing sent. Safe to submit.</summary>
    Planned,
    /// <summary>Its references are uploaded and its request is on the wire; no request id yet.</summary>
    Submitting,
    /// <summary>fal accepted it: the request id is stored. Resume waits on that id, never resubmits.</summary>
    Submitted,
    /// <summary>fal finished it and its result is stored; the media is not saved yet.</summary>
    Completed,
    /// <summary>The media is saved, verified and described: done.</summary>
    Downloaded,
    Failed,
    Cancelled,
    /// <summary>It may or may not have reached fal (crash or lost answer during submit); not resent unless asked.</summary>
    Unknown,
}
