namespace Catwalk.Store;

/// <summary>Blind pairwise votes between two models' videos of the same input.</summary>
public interface IVoteStore
{
    /// <summary>
    /// Stores a pairwise vote. Refused (<see cref="ArgumentException"/>) when the outcome is not one of <see cref="VoteOutcome.All"/>
    /// or both sides are the same job; a vote naming a job the store does not hold is refused by the database.
    /// </summary>
    Task AddVoteAsync(VoteRecord vote, CancellationToken cancellationToken = default);

    /// <summary>Votes, oldest first (by time, then id).</summary>
    Task<IReadOnlyList<VoteRecord>> GetVotesAsync(VoteQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Every vote counted per left model, right model, outcome and left video: what a Bradley–Terry fit needs, without a row per vote.</summary>
    Task<IReadOnlyList<VoteTally>> TallyVotesAsync(CancellationToken cancellationToken = default);
}
