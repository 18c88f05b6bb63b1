using Dapper;

namespace Catwalk.Store.Sql;

/// <summary>Pairwise votes (<see cref="IVoteStore"/>) over one <see cref="SqlDatabase"/>.</summary>
internal sealed class SqlVoteStore(SqlDatabase db) : IVoteStore
{
    public Task AddVoteAsync(VoteRecord vote, CancellationToken cancellationToken = default)
    {
        if (!VoteOutcome.IsValid(vote.Outcome))
            throw new ArgumentException($"A vote's outcome is one of {string.Join(", ", VoteOutcome.All)}, not '{vote.Outcome}'.", nameof(vote));
        if (vote.LeftJobId == vote.RightJobId) throw new ArgumentException("A vote compares two different videos.", nameof(vote));
        return db.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO votes (id, created_at, run_id, input_key, left_job_id, right_job_id, left_model, right_model, outcome, voter)
            VALUES (@Id, @CreatedAt, @RunId, @InputKey, @LeftJobId, @RightJobId, @LeftModel, @RightModel, @Outcome, @Voter)
            """,
            vote, transaction, cancellationToken: cancellationToken)), cancellationToken);
    }

    public Task<IReadOnlyList<VoteRecord>> GetVotesAsync(VoteQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new VoteQuery();
        var where = new List<string>();
        if (query.RunId is not null) where.Add("run_id = @RunId");
        if (query.Model is not null) where.Add("(left_model = @Model OR right_model = @Model)");
        var sql = $"SELECT {VoteColumns.Select} FROM votes{(where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")} ORDER BY created_at, id LIMIT @Limit";
        return db.ReadAsync<IReadOnlyList<VoteRecord>>(async connection =>
            [.. await connection.QueryAsync<VoteRecord>(new CommandDefinition(sql, query, cancellationToken: cancellationToken)).ConfigureAwait(false)], cancellationToken);
    }

    public Task<IReadOnlyList<VoteTally>> TallyVotesAsync(CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<VoteTally>>(async connection =>
            [.. (await connection.QueryAsync<(string, string, string, string, long)>(new CommandDefinition(
                "SELECT left_model, right_model, outcome, left_job_id, COUNT(*) FROM votes GROUP BY 1, 2, 3, 4", cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(r => new VoteTally(r.Item1, r.Item2, r.Item3, r.Item4, (int)r.Item5))], cancellationToken);
}
