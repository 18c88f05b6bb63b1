using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Store.Tests;

public class RunStoreFactoryTests
{
    [Fact]
    public async Task Without_db_the_store_is_catwalk_db_in_the_outputs_folder()
    {
        using var folder = new TempDirectory();
        var outputs = Path.Combine(folder.Path, "outputs");
        await using var store = await RunStoreFactory.OpenAsync(null, outputs);
        store.Engine.ShouldBe(StoreEngine.Sqlite);
        File.Exists(Path.Combine(outputs, "catwalk.db")).ShouldBeTrue();
        store.Description.ShouldBe($"SQLite {Path.Combine(outputs, "catwalk.db")}");
    }

    [Theory]
    [InlineData("Host=db;Database=catwalk", true)]
    [InlineData("postgres://u:p@db:5432/catwalk", true)]
    [InlineData("postgresql://db/catwalk", true)]
    [InlineData("outputs/team.db", false)]
    [InlineData(null, false)]
    public void Postgres_is_recognised_by_its_connection_string(string? db, bool postgres) => RunStoreFactory.IsPostgres(db).ShouldBe(postgres);

    [Fact]
    public async Task An_unreachable_postgres_is_a_clear_error_without_the_password()
    {
        using var folder = new TempDirectory();
        var e = await Should.ThrowAsync<StoreException>(() => RunStoreFactory.OpenAsync("Host=127.0.0.1;Port=1;Database=x;Username=u;Password=hunter2;Timeout=2", folder.Path));
        e.Message.ShouldContain("PostgreSQL 127.0.0.1:1/x");
        e.Message.ShouldContain("server is running");
        e.Message.ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task A_sqlite_path_in_a_folder_that_cannot_be_made_is_a_clear_error()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("file"), "x");
        var e = await Should.ThrowAsync<Exception>(() => RunStoreFactory.OpenAsync(Path.Combine(folder.File("file"), "db.sqlite"), folder.Path));
        e.ShouldBeAssignableTo<Catwalk.Domain.InvalidInputException>();
    }

    [PostgresFact]
    public async Task The_postgres_test_server_is_reachable()
    {
        await using var db = await TestPostgres.CreateAsync();
        await using var store = await RunStoreFactory.OpenAsync(db.DatabaseConnectionString, Path.GetTempPath());
        store.Engine.ShouldBe(StoreEngine.PostgreSql);
        (await store.SchemaVersionAsync()).ShouldBe(Sql.Migrator.Latest);
    }
}
