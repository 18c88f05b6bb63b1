using Catwalk.Domain;
using Dapper;

namespace Catwalk.Store.Sql;

/// <summary>Pairwise votes (<see cref="IVoteStore"/>) over one <see cref="SqlDatabase"/>.</summary>
internal sealed class SqlVoteStore(SqlDatabase db) : IVoteStore
{
    public async Task AddVoteAsync(VoteRecord vote, CancellationToken cancellationToken = default)
    {
        if (!VoteOutcome.IsValid(vote.Outcome))
            throw new ArgumentException($"A vote's outcome is one of {string.Join(", ", VoteOutcome.All)}, not '{vote.Outcome}'.", nameof(vote));
        if (vote.LeftJobId == vote.RightJobId) throw new ArgumentException("A vote compares two different videos or images.", nameof(vote));
        // A job's stage never changes once stored, so reading it before the write cannot race with it.
        var stages = await db.ReadAsync(async connection => (await connection.QueryAsync<(string Id, string Stage)>(new CommandDefinition(
            "SELECT id, stage FROM jobs WHERE id = @LeftJobId OR id = @RightJobId", vote, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(r => r.Id, r => r.Stage, StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        if (stages.TryGetValue(vote.LeftJobId, out var left) && stages.TryGetValue(vote.RightJobId, out var right))
        {
            if (left != right)
                throw new ArgumentException($"A vote compares two videos or two images, not one of each (left job {vote.LeftJobId}: {left}, right job {vote.RightJobId}: {right}).", nameof(vote));
            if (left != vote.Stage.Name())
                throw new ArgumentException($"The vote says it is on {vote.Stage.Name()}s, but jobs {vote.LeftJobId} and {vote.RightJobId} made {left}s.", nameof(vote));
        }
        await db.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO votes (id, created_at, run_id, input_key, left_job_id, right_job_id, left_model, right_model, outcome, voter)
            VALUES (@Id, @CreatedAt, @RunId, @InputKey, @LeftJobId, @RightJobId, @LeftModel, @RightModel, @Outcome, @Voter)
            """,
            vote, transaction, cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<VoteRecord>> GetVotesAsync(VoteQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new VoteQuery();
        var where = new List<string>();
        var args = new DynamicParameters();
        if (query.RunId is not null) { where.Add("votes.run_id = @RunId"); args.Add("RunId", query.RunId); }
        if (query.Model is not null) { where.Add("(votes.left_model = @Model OR votes.right_model = @Model)"); args.Add("Model", query.Model); }
        if (query.Stage is { } stage) { where.Add("jobs.stage = @Stage"); args.Add("Stage", stage.Name()); }
        args.Add("Limit", query.Limit);
        // The stage is the left job's (the write checked both sides share it); a vote's jobs are never deleted (foreign keys).
        var sql = $"SELECT {VoteColumns.Select}, jobs.stage AS Stage FROM votes JOIN jobs ON jobs.id = votes.left_job_id"
            + $"{(where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")} ORDER BY votes.created_at, votes.id LIMIT @Limit";
        return db.ReadAsync<IReadOnlyList<VoteRecord>>(async connection =>
            [.. await connection.QueryAsync<VoteRecord>(new CommandDefinition(sql, args, cancellationToken: cancellationToken)).ConfigureAwait(false)], cancellationToken);
    }

    public Task<IReadOnlyList<VoteTally>> TallyVotesAsync(Domain.StageKind stage, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<VoteTally>>(async connection =>
            [.. (await connection.QueryAsync<(string, string, string, string, long)>(new CommandDefinition(
                // The stage is the left job's, as in GetVotesAsync (the write checked both sides share it).
                """
                SELECT votes.left_model, votes.right_model, votes.outcome, votes.left_job_id, COUNT(*)
                FROM votes JOIN jobs ON jobs.id = votes.left_job_id WHERE jobs.stage = @stage GROUP BY 1, 2, 3, 4
                """, new { stage = stage.Name() }, cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(r => new VoteTally(r.Item1, r.Item2, r.Item3, r.Item4, (int)r.Item5))], cancellationToken);
}
