using System.Data.Common;
using Catwalk.Testing;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Catwalk.Store.Tests;

/// <summary>How rows become records: by column aliases, with nothing changed for the rest of the process.</summary>
public class StoreMappingTests
{
    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Opening_and_using_a_store_leaves_Dappers_process_wide_settings_alone(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var (left, right) = (Jobs.Job(run), Jobs.Job(run, "kling"));
        await t.Store.CreateRunAsync(run, [left, right]);
        await t.Store.MoveAsync(left.Id, JobState.Submitting);
        await t.Store.RecordProgressAsync(left.Id, 3, running: false, ["queued"]);
        await t.Store.AddVoteAsync(new VoteRecord { Id = "v1", RunId = run.Id, InputKey = left.InputKey, LeftJobId = left.Id, RightJobId = right.Id, LeftModel = "veo3", RightModel = "kling", Outcome = VoteOutcome.Left });
        await t.Store.TryTakeSlotAsync(new SlotRequest { JobId = right.Id, RunId = run.Id, EndpointId = right.EndpointId, Owner = "w1", EndpointLimit = 2 });

        // Every kind of row reads back with its snake_case columns mapped (so the aliases do the work)…
        (await t.Store.GetJobAsync(left.Id)).ShouldNotBeNull().QueuePosition.ShouldBe(3);
        (await t.Store.GetVotesAsync()).Single().LeftJobId.ShouldBe(left.Id);
        (await t.Store.ListSlotsAsync()).Single().EndpointId.ShouldBe(right.EndpointId);
        (await t.Store.GetRunAsync(run.Id)).ShouldNotBeNull().OutputRoot.ShouldBe(run.OutputRoot);

        // …and not a process-wide switch that would change how every other Dapper user in the process maps its rows.
        DefaultTypeMap.MatchNamesWithUnderscores.ShouldBeFalse();
        SqlMapper.HasTypeHandler(typeof(JobState)).ShouldBeFalse();
        SqlMapper.HasTypeHandler(typeof(RunStatus)).ShouldBeFalse();
        SqlMapper.HasTypeHandler(typeof(RunKind)).ShouldBeFalse();
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_run_status_is_stored_as_its_word_and_an_old_row_s_word_reads_back(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        await t.Store.CreateRunAsync(run, []);
        await t.Store.UpdateRunAsync(run.Id, RunStatus.Partial, finished: true);
        await using var connection = await OpenRawAsync(engine, t.Db);
        (await connection.ExecuteScalarAsync<string>("SELECT status FROM runs WHERE id = @Id", new { run.Id })).ShouldBe("partial");

        // A row as an older Catwalk (status a string) wrote it.
        await connection.ExecuteAsync(
            "INSERT INTO runs (id, kind, status, created_at, updated_at, emulated, output_root) VALUES ('old-run', 'run', 'interrupted', 1, 1, 0, '/tmp')");
        (await t.Store.GetRunAsync("old-run")).ShouldNotBeNull().Status.ShouldBe(RunStatus.Interrupted);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Every_run_kind_is_stored_as_its_word_and_reads_back(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        await using var connection = await OpenRawAsync(engine, t.Db);
        foreach (var (kind, word) in new[] { (RunKind.Run, "run"), (RunKind.Batch, "batch"), (RunKind.Image, "image"), (RunKind.Video, "video"), (RunKind.Import, "import") })
        {
            var run = Jobs.Run(kind: kind);
            await t.Store.CreateRunAsync(run, []);
            (await connection.ExecuteScalarAsync<string>("SELECT kind FROM runs WHERE id = @Id", new { run.Id })).ShouldBe(word);
            (await t.Store.GetRunAsync(run.Id)).ShouldNotBeNull().Kind.ShouldBe(kind);
        }
        (await t.Store.ListRunsAsync()).Select(r => r.Kind).Order().ShouldBe(Enum.GetValues<RunKind>());
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_kind_this_version_does_not_know_reads_as_a_plain_run_and_listing_still_works(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var known = Jobs.Run(kind: RunKind.Batch);
        await t.Store.CreateRunAsync(known, []);
        await using var connection = await OpenRawAsync(engine, t.Db);
        // Rows as a newer Catwalk (or a hand edit) might have written them, and an old upper-case word.
        await connection.ExecuteAsync(
            "INSERT INTO runs (id, kind, status, created_at, updated_at, emulated, output_root) VALUES ('odd-run', 'storyboard', 'completed', 1, 1, 0, '/tmp'), ('shouty-run', 'BATCH', 'completed', 2, 2, 0, '/tmp')");

        (await t.Store.GetRunAsync("odd-run")).ShouldNotBeNull().Kind.ShouldBe(RunKind.Run);
        (await t.Store.GetRunAsync("shouty-run")).ShouldNotBeNull().Kind.ShouldBe(RunKind.Batch);
        var listed = await t.Store.ListRunsAsync();
        listed.Select(r => r.Id).ShouldBe([known.Id, "shouty-run", "odd-run"], ignoreOrder: true);
        listed.Single(r => r.Id == known.Id).Kind.ShouldBe(RunKind.Batch);
    }

    [Fact]
    public async Task A_store_at_an_older_schema_reads_its_jobs_without_the_columns_later_migrations_add()
    {
        await using var t = await TestStore.OpenAsync("sqlite");
        var db = Path.Combine(t.OutputRoot, "old.db");
        await using var old = await RunStoreFactory.OpenAtVersionAsync(db, t.OutputRoot, 2); // before progress, metrics and inputs
        var run = Jobs.Run();
        var job = Jobs.Job(run);
        await old.CreateRunAsync(run, [job]);
        (await old.GetJobsAsync(run.Id)).Single().Id.ShouldBe(job.Id);
        (await old.GetJobAsync(job.Id)).ShouldNotBeNull().MetricsJson.ShouldBeNull();
    }

    private static async Task<DbConnection> OpenRawAsync(string engine, string db)
    {
        DbConnection connection = engine == "postgres" ? new NpgsqlConnection(db) : new SqliteConnection($"Data Source={db}");
        await connection.OpenAsync();
        return connection;
    }
}
