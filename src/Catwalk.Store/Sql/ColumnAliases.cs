namespace Catwalk.Store.Sql;

/// <summary>
/// Select lists that name each snake_case column as its record's property (<c>run_id AS RunId</c>), so Dapper maps
/// rows by name without a process-wide setting (DefaultTypeMap.MatchNamesWithUnderscores) that would change how every
/// other Dapper user in the process maps its rows.
/// </summary>
internal static class ColumnAliases
{
    public static string Select(IEnumerable<string> columns, string? table = null) =>
        string.Join(", ", columns.Select(c => $"{(table is null ? "" : table + ".")}{c} AS {Property(c)}"));

    public static string Property(string column) =>
        string.Concat(column.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
