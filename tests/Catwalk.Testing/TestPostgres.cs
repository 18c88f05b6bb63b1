using Npgsql;

namespace Catwalk.Testing;

/// <summary>A fresh database per test on the test server, dropped afterwards, so PostgreSQL tests never see each other's rows.</summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string SkipReason = "No PostgreSQL test server: set CATWALK_TEST_POSTGRES or run ./test, which starts one (apt-get install -y postgresql).";

    public static string? ConnectionString => Environment.GetEnvironmentVariable("CATWALK_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    private TestPostgres(string database, string connectionString) => (Database, DatabaseConnectionString) = (database, connectionString);

    public string Database { get; }
    /// <summary>Connection string of this test's own database.</summary>
    public string DatabaseConnectionString { get; }

    public static async Task<TestPostgres> CreateAsync()
    {
        var server = ConnectionString ?? throw new InvalidOperationException(SkipReason);
        var name = $"catwalk_t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new TestPostgres(name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
