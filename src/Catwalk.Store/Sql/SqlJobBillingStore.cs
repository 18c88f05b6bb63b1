using System.Data;

namespace Catwalk.Store.Sql;

/// <summary>What fal billed for jobs (<see cref="IJobBillingStore"/>) over one <see cref="SqlDatabase"/>; the SQL is the same on both engines.</summary>
internal sealed class SqlJobBillingStore(SqlDatabase db) : IJobBillingStore
{
    private const string UpdateSql = "UPDATE jobs SET billed_usd = @billed, billed_at = @now, billed_source = @source WHERE id = @jobId";

    private static readonly (string, DbType)[] UpdateParameters =
        [("@billed", DbType.Double), ("@now", DbType.Int64), ("@source", DbType.String), ("@jobId", DbType.String)];

    public Task<int> RecordBilledAsync(IReadOnlyList<JobBill> bills, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bills);
        if (bills.Count == 0) return Task.FromResult(0);
        return db.WriteAsync(async (connection, transaction) =>
        {
            var now = db.Now();
            var recorded = 0;
            foreach (var bill in bills)
            {
                // Prepared once on SQLite's writer and reused for every row of the fetch (PreparedCommands).
                var update = PreparedCommands.For(connection, transaction, UpdateSql, UpdateParameters, [(double)bill.BilledUsd, now, bill.Source.Name(), bill.JobId]);
                recorded += await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return recorded;
        }, cancellationToken);
    }
}
