using Xunit;
using Catwalk.Store;

namespace Catwalk.Testing;

/// <summary>
/// A run store on a real engine for one test: a SQLite file in a temp folder, or a fresh database on the test
/// PostgreSQL server. Tests take the engine as a theory parameter from <see cref="Engines"/>.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly TempDirectory? _folder;
    private readonly TestPostgres? _postgres;

    private TestStore(IRunStore store, string db, string outputRoot, TempDirectory? folder, TestPostgres? postgres) =>
        (Store, Db, OutputRoot, _folder, _postgres) = (store, db, outputRoot, folder, postgres);

    public IRunStore Store { get; }
    /// <summary>What <c>--db</c> would be to open the same store again.</summary>
    public string Db { get; }
    public string OutputRoot { get; }

    /// <summary>"sqlite" always; "postgres" when a test server is available (otherwise PostgresFact tests report the skip).</summary>
    public static TheoryData<string> Engines
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (TestPostgres.ConnectionString is not null) data.Add("postgres");
            return data;
        }
    }

    public static async Task<TestStore> OpenAsync(string engine, string? outputRoot = null, TimeProvider? time = null)
    {
        var folder = new TempDirectory("catwalk-store-");
        outputRoot ??= folder.Path;
        if (engine == "postgres")
        {
            var postgres = await TestPostgres.CreateAsync();
            var store = await RunStoreFactory.OpenAsync(postgres.DatabaseConnectionString, outputRoot, time);
            return new TestStore(store, postgres.DatabaseConnectionString, outputRoot, folder, postgres);
        }
        var path = Path.Combine(folder.Path, "catwalk.db");
        return new TestStore(await RunStoreFactory.OpenAsync(path, outputRoot, time), path, outputRoot, folder, null);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
        _folder?.Dispose();
    }
}
