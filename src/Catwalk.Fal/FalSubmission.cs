namespace Catwalk.Fal;

/// <summary>fal accepted a job: its handle, its place in the queue, and when (for queue-wait timing).</summary>
public sealed record FalSubmission(FalRequestHandle Request, int? QueuePosition, DateTimeOffset SubmittedAt);
