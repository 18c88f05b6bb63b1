namespace Catwalk.Store.Sql;

/// <summary>The job_slots table's columns as <see cref="SlotRecord"/>'s properties.</summary>
internal static class SlotColumns
{
    private static readonly string[] Names = ["job_id", "run_id", "endpoint_id", "owner", "reserved_usd", "acquired_at", "expires_at"];

    public static readonly string Select = ColumnAliases.Select(Names);

    /// <summary>The same, of the slots table joined as <c>s</c>.</summary>
    public static readonly string SelectJoined = ColumnAliases.Select(Names, "s");
}
