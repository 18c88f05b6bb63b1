namespace Catwalk.Store;

/// <summary>Blind pairwise votes between two models' videos (or two image models' dressed images) of the same input.</summary>
public interface IVoteStore
{
    /// <summary>
    /// Stores a pairwise vote. Refused (<see cref="ArgumentException"/>) when the outcome is not one of <see cref="VoteOutcome.All"/>
    /// or both sides are the same job, or its two jobs are of different stages (an image against a video), or of another
    /// stage than <see cref="VoteRecord.Stage"/>; a vote naming a job the store does not hold is refused by the database.
    /// </summary>
    Task AddVoteAsync(VoteRecord vote, CancellationToken cancellationToken = default);

    /// <summary>Votes, oldest first (by time, then id).</summary>
    Task<IReadOnlyList<VoteRecord>> GetVotesAsync(VoteQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>The votes on <paramref name="stage"/>'s jobs counted per left model, right model, outcome and left job: what a Bradley–Terry fit needs, without a row per vote.</summary>
    Task<IReadOnlyList<VoteTally>> TallyVotesAsync(Catwalk.Domain.StageKind stage, CancellationToken cancellationToken = default);
}
