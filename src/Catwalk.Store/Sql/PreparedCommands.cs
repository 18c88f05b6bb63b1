using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Catwalk.Store.Sql;

/// <summary>
/// Commands kept with the connection they were made on, one per SQL text. On SQLite's long-lived writer connection
/// a statement is then parsed and planned once, not at every job move (SQLite prepares per command object, and the
/// parsing of the wide job update was the larger part of the store's CPU). On pooled PostgreSQL connections the
/// cache lives and dies with each connection object, which costs nothing and changes nothing.
/// </summary>
internal static class PreparedCommands
{
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Cache = new();

    /// <summary>The command for <paramref name="sql"/> on this connection (its parameters made once, named and typed), bound to these values in order; null is SQL NULL.</summary>
    public static DbCommand For(DbConnection connection, DbTransaction? transaction, string sql, ReadOnlySpan<(string Name, DbType Type)> parameters, ReadOnlySpan<object?> values)
    {
        if (values.Length != parameters.Length) throw new ArgumentException($"{parameters.Length} parameters, {values.Length} values: {sql}", nameof(values));
        var commands = Cache.GetValue(connection, _ => new Dictionary<string, DbCommand>(StringComparer.Ordinal));
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, type) in parameters)
            {
                var parameter = command.CreateParameter();
                (parameter.ParameterName, parameter.DbType, parameter.Value) = (name, type, DBNull.Value);
                command.Parameters.Add(parameter);
            }
            commands[sql] = command;
        }
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }
}
