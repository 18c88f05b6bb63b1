using Npgsql;

namespace Catwalk.Store.Sql;

/// <summary>Accepts <c>postgres://user:pass@host:port/db</c> as well as Npgsql's <c>Host=…;Database=…</c> form.</summary>
internal static class PostgresUrl
{
    public static string ToConnectionString(string db)
    {
        if (!db.Contains("://", StringComparison.Ordinal)) return db;
        if (!Uri.TryCreate(db, UriKind.Absolute, out var uri))
            throw new StoreException("--db looks like a PostgreSQL URL but is not one; use postgres://user:password@host:port/database or Host=…;Database=….");
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.Port > 0 ? uri.Port : 5432, Database = uri.AbsolutePath.Trim('/') };
        if (uri.UserInfo.Split(':', 2) is [var user, ..] && user.Length > 0) builder.Username = Uri.UnescapeDataString(user);
        if (uri.UserInfo.Split(':', 2) is [_, var password]) builder.Password = Uri.UnescapeDataString(password);
        return builder.ConnectionString;
    }
}
