using Catwalk.Domain;

namespace Catwalk.Store;

/// <summary>
/// One blind pairwise vote: which of two models' videos (or dressed images) of the same input (run + input key) a person
/// preferred. <see cref="Outcome"/> is one of <see cref="VoteOutcome"/>'s values, from the left side's point of view. Times are unix ms.
/// </summary>
public sealed record VoteRecord
{
    public required string Id { get; init; }
    public long CreatedAt { get; init; }
    public required string RunId { get; init; }
    public required string InputKey { get; init; }
    public required string LeftJobId { get; init; }
    public required string RightJobId { get; init; }
    public required string LeftModel { get; init; }
    public required string RightModel { get; init; }
    public required string Outcome { get; init; }
    public string? Voter { get; init; }
    /// <summary>
    /// What was compared: two videos or two images. Not a column of its own: it is the stage of the jobs voted on, which
    /// the store checks on write (both sides one stage, this one) and reads back from the left job.
    /// </summary>
    public StageKind Stage { get; init; } = StageKind.Video;
}

/// <summary>The outcomes of a vote: the left video is better, the right one, they are as good, or both are bad.</summary>
public static class VoteOutcome
{
    public const string Left = "left";
    public const string Right = "right";
    public const string Tie = "tie";
    public const string BothBad = "both_bad";

    public static IReadOnlyList<string> All { get; } = [Left, Right, Tie, BothBad];

    public static bool IsValid(string? outcome) => outcome is Left or Right or Tie or BothBad;
}

/// <summary>Which votes to read, oldest first: all of them, or one run's, or those involving one model, or one stage's.</summary>
public sealed record VoteQuery
{
    public string? RunId { get; init; }
    /// <summary>Votes where this model is on either side.</summary>
    public string? Model { get; init; }
    /// <summary>Only votes on videos, or only on images (null: both). Rankings read one stage: votes on images never rate video models.</summary>
    public StageKind? Stage { get; init; }
    public int Limit { get; init; } = 100_000;
}
