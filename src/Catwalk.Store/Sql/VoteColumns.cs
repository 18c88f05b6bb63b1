namespace Catwalk.Store.Sql;

/// <summary>The votes table's columns as <see cref="VoteRecord"/>'s properties (named by table: reads join the jobs for the stage).</summary>
internal static class VoteColumns
{
    public static readonly string Select = ColumnAliases.Select(
        ["id", "created_at", "run_id", "input_key", "left_job_id", "right_job_id", "left_model", "right_model", "outcome", "voter"], "votes");
}
