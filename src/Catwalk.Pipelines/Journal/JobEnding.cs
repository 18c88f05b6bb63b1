namespace Catwalk.Pipelines.Journal;

/// <summary>How a job attempt that threw ended: its status, the words for it, and whether the journal records that end.</summary>
/// <param name="Recorded">
/// False when the job must stay as it is in the journal: held by the budget (still planned), or still running at fal
/// past the timeout (still submitted, so a resume collects it by id instead of paying again).
/// </param>
public sealed record JobEnding(JobOutcomeStatus Status, string Error, bool Recorded);
