namespace Catwalk.Pipelines.Journal;

/// <summary>
/// A job about to be sent: the exact arguments (media data elided), when the send began and the start deadline it
/// carries — what a later resume needs to find the request in fal's history if its answer never arrives.
/// </summary>
public sealed record JobSending(string ArgumentsJson, DateTimeOffset At, TimeSpan? StartDeadline);
