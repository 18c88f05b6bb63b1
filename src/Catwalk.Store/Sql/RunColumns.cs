namespace Catwalk.Store.Sql;

/// <summary>The runs table's columns as <see cref="RunRecord"/>'s properties.</summary>
internal static class RunColumns
{
    /// <summary>
    /// The kind as a word <see cref="RunKind"/> knows (Dapper reads the word into the enum): a word this version does
    /// not know (a newer Catwalk's, or a hand edit) reads as <see cref="RunKind.Run"/>, the plain one-look run, so that
    /// one odd row does not make every listing of runs (report, resume, dashboard) fail. Same SQL on both engines.
    /// </summary>
    private static readonly string Kind =
        $"CASE WHEN LOWER(kind) IN ({string.Join(", ", RunKindNames.All.Select(k => $"'{k}'"))}) THEN LOWER(kind) ELSE '{RunKind.Run.Name()}' END AS Kind";

    public static readonly string Select = string.Join(", ",
        ColumnAliases.Select(["id"]),
        Kind,
        ColumnAliases.Select(
        [
            "name", "status", "created_at", "updated_at", "finished_at", "emulated", "output_root",
            "estimated_cost_usd", "budget_usd", "spec_json",
        ]));
}
