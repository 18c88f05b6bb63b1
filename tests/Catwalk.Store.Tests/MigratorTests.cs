using Catwalk.Domain;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Store.Tests;

public class MigratorTests
{
    [Fact]
    public void Migrations_are_numbered_from_one() =>
        Sql.Migrator.Migrations.Select(m => m.Version).ShouldBe(Enumerable.Range(1, Sql.Migrator.Latest));

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Opening_an_old_database_upgrades_it_and_keeps_its_rows(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        // A second database at version 1, written by the older Catwalk, then opened by this one.
        var db = engine == "postgres" ? t.Db : Path.Combine(t.OutputRoot, "old.db");
        if (engine == "postgres") await DropAllAsync(t);
        var run = Jobs.Run();
        await using (var old = await RunStoreFactory.OpenAtVersionAsync(db, t.OutputRoot, 1))
        {
            (await old.SchemaVersionAsync()).ShouldBe(1);
            await old.CreateRunAsync(run, [Jobs.Job(run)]);
        }
        await using var upgraded = await RunStoreFactory.OpenAsync(db, t.OutputRoot);
        (await upgraded.SchemaVersionAsync()).ShouldBe(Sql.Migrator.Latest);
        (await upgraded.GetJobsAsync(run.Id)).Count.ShouldBe(1);
        var job = (await upgraded.GetJobsAsync(run.Id))[0];
        (await upgraded.MoveAsync(job.Id, JobState.Submitting)).ShouldBeTrue(); // job_events (version 2) works
        (await upgraded.GetEventsAsync(job.Id)).Count.ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_run_stored_before_job_inputs_reads_as_the_same_graph(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var db = engine == "postgres" ? t.Db : Path.Combine(t.OutputRoot, "old.db");
        if (engine == "postgres") await DropAllAsync(t);
        var run = Jobs.Run();
        JobRecord Of(StageKind stage, string look, string input) => Jobs.Job(run, input: input, stage: stage) with { LookId = look };
        var (image1, image2) = (Of(StageKind.Image, "look-1", "look-1"), Of(StageKind.Image, "look-2", "look-2"));
        var (video1, video2, loose) = (Of(StageKind.Video, "look-1", "look-1@4s"), Of(StageKind.Video, "look-2", "look-2@4s"), Jobs.Job(run, input: "no-look"));
        await using (var old = await RunStoreFactory.OpenAtVersionAsync(db, t.OutputRoot, 6))
            await old.CreateRunAsync(run, [image1, image2, video1, video2, loose]);

        await using var upgraded = await RunStoreFactory.OpenAsync(db, t.OutputRoot);
        var inputs = (await upgraded.GetJobsAsync(run.Id)).ToDictionary(j => j.Id, j => j.InputJobId);
        inputs[video1.Id].ShouldBe(image1.Id);
        inputs[video2.Id].ShouldBe(image2.Id);
        inputs[image1.Id].ShouldBeNull();
        inputs[loose.Id].ShouldBeNull(); // its look has no image job (it started from a picture): it consumes no job
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Opening_twice_migrates_once(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        await using var again = await RunStoreFactory.OpenAsync(t.Db, t.OutputRoot);
        (await again.SchemaVersionAsync()).ShouldBe(Sql.Migrator.Latest);
    }

    [Fact]
    public async Task A_database_from_a_newer_catwalk_is_refused_with_a_clear_message()
    {
        using var folder = new TempDirectory();
        var db = folder.File("future.db");
        await using (var store = await RunStoreFactory.OpenAsync(db, folder.Path)) { }
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)";
            await insert.ExecuteNonQueryAsync();
        }
        var e = await Should.ThrowAsync<StoreException>(() => RunStoreFactory.OpenAsync(db, folder.Path));
        e.Message.ShouldContain("schema version 999");
        e.Message.ShouldContain("Upgrade Catwalk");
    }

    internal static async Task DropAllAsync(TestStore t)
    {
        await using var connection = new Npgsql.NpgsqlConnection(t.Db);
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand("DROP TABLE reference_uploads; DROP TABLE job_slots; DROP TABLE votes; DROP TABLE job_events; DROP TABLE jobs; DROP TABLE runs; DROP TABLE schema_migrations;", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
