namespace Catwalk.Store.Sql;

/// <summary>The runs table's columns as <see cref="RunRecord"/>'s properties.</summary>
internal static class RunColumns
{
    public static readonly string Select = ColumnAliases.Select(
    [
        "id", "kind", "name", "status", "created_at", "updated_at", "finished_at", "emulated", "output_root",
        "estimated_cost_usd", "budget_usd", "spec_json",
    ]);
}
