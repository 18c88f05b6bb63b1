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
