using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary>
/// Every long-running command's host validates its options when it starts: a bad setting is one line naming it and
/// where to fix it, exit code 2, before anything is sent to fal (here an emulator that counts) or stored.
/// </summary>
public sealed class HostStartValidationTests
{
    private const string StorageProblem = "Error: Catwalk:Fal:StorageUrl must be an absolute http(s) URL, not 'ftp://bad/'.";

    public static TheoryData<string> SqliteCommands => ["run", "batch", "resume", "image", "video", "dashboard"];

    [Theory]
    [MemberData(nameof(SqliteCommands))]
    public async Task A_bad_fal_url_is_one_line_before_anything_is_sent_or_stored(string command)
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var w = new BatchWorkspace(1, 1, "ltx");
        var env = new Dictionary<string, string> { ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = "ftp://bad" };

        var result = await CliRunner.RunAsync(w.Dir.Path, env, Arguments(command));

        ShouldBeOneLineUserError(result, StorageProblem);
        result.Output.ShouldContain("Set it in appsettings.json or CATWALK_FAL_STORAGE_URL.");
        result.Output.ShouldNotContain("Dashboard on");
        emulator.GetStats().Requests.ShouldBe(0, "nothing may be sent before the options are valid");
        await using var store = await RunStoreFactory.OpenAsync(null, w.Outputs);
        (await store.ListRunsAsync()).ShouldBeEmpty("nothing may be stored before the options are valid");
    }

    [PostgresTheory]
    [InlineData("1000")]
    [InlineData("soon")]
    public async Task A_worker_with_a_bad_takeover_time_stops_in_one_line_before_taking_any_job(string takeover)
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        await using var postgres = await TestPostgres.CreateAsync();
        using var w = new BatchWorkspace(1, 1, "ltx");
        var env = new Dictionary<string, string>
        {
            ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = emulator.BaseUri.ToString(),
            ["CATWALK_DB"] = postgres.DatabaseConnectionString, ["Catwalk__Worker__TakeoverSeconds"] = takeover,
        };
        var enqueue = await CliRunner.RunAsync(w.Dir.Path, env, "batch", "batch.yaml", "--enqueue", "--out", "out", "--no-metrics");
        enqueue.ExitCode.ShouldBe(0, enqueue.ToString());

        var result = await CliRunner.RunAsync(w.Dir.Path, env, "worker", "--concurrency", "2");

        ShouldBeOneLineUserError(result, $"Error: Catwalk:Worker:TakeoverSeconds '{takeover}' is not a number of seconds from 2 to 600.");
        result.Output.ShouldContain("Set it in appsettings.json or Catwalk__Worker__TakeoverSeconds.");
        result.Output.ShouldNotContain("at once from the");
        emulator.GetStats().Requests.ShouldBe(0, "a worker with bad options takes no job");
        await using var store = await RunStoreFactory.OpenAsync(postgres.DatabaseConnectionString, w.Outputs);
        var run = (await store.ListRunsAsync()).ShouldHaveSingleItem();
        (await store.GetJobsAsync(run.Id)).ShouldAllBe(j => j.State == JobState.Planned, "no job was taken");
    }

    [PostgresFact]
    public async Task A_server_with_a_bad_fal_url_stops_in_one_line_before_listening_or_storing()
    {
        await using var postgres = await TestPostgres.CreateAsync();
        using var dir = new TempDirectory();
        var env = new Dictionary<string, string> { ["CATWALK_DB"] = postgres.DatabaseConnectionString, ["FAL_KEY"] = "k-1:s", ["CATWALK_FAL_STORAGE_URL"] = "ftp://bad" };

        var result = await CliRunner.RunAsync(dir.Path, env, "server", "--port", "0");

        ShouldBeOneLineUserError(result, StorageProblem);
        result.Output.ShouldNotContain("Server on");
        (await TablesAsync(postgres)).ShouldBeEmpty("neither the store nor Hangfire may touch the database before the options are valid");
        await using var store = await RunStoreFactory.OpenAsync(postgres.DatabaseConnectionString, dir.File("outputs"));
        (await store.ListRunsAsync()).ShouldBeEmpty();
    }

    [PostgresFact]
    public async Task Enqueueing_a_batch_with_a_bad_fal_url_stores_nothing()
    {
        await using var postgres = await TestPostgres.CreateAsync();
        using var w = new BatchWorkspace(1, 1, "ltx");
        var env = new Dictionary<string, string> { ["CATWALK_DB"] = postgres.DatabaseConnectionString, ["FAL_KEY"] = "k-1:s", ["CATWALK_FAL_STORAGE_URL"] = "ftp://bad" };

        var result = await CliRunner.RunAsync(w.Dir.Path, env, "batch", "batch.yaml", "--enqueue", "--out", "out");

        ShouldBeOneLineUserError(result, StorageProblem);
        await using var store = await RunStoreFactory.OpenAsync(postgres.DatabaseConnectionString, w.Outputs);
        (await store.ListRunsAsync()).ShouldBeEmpty();
    }

    public static TheoryData<string> OutputCommands => ["run", "batch", "resume", "image", "video"];

    [Theory]
    [MemberData(nameof(OutputCommands))]
    public async Task An_output_folder_that_is_a_file_is_one_line_naming_it_before_anything_starts_or_is_stored(string command)
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var w = new BatchWorkspace(1, 1, "ltx");
        await File.WriteAllTextAsync(w.Outputs, "not a folder");
        var env = new Dictionary<string, string> { ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = emulator.BaseUri.ToString() };

        var result = await CliRunner.RunAsync(w.Dir.Path, env, Arguments(command));

        ShouldBeOneLineUserError(result, "Error: The output folder 'out' is an existing file; give a folder.");
        emulator.GetStats().Requests.ShouldBe(0, "nothing may be sent before the options are valid");
        (await File.ReadAllTextAsync(w.Outputs)).ShouldBe("not a folder");
        w.Dir.AllFiles().ShouldNotContain(f => f.EndsWith(".db"), "no store may be opened before the options are valid");
    }

    [Theory]
    [InlineData("--db", "missing.db", "Error: The dashboard's store 'missing.db' does not exist")]
    [InlineData("--host", "nowhere", "Error: --host must be an IP address (e.g. 127.0.0.1), not 'nowhere'.")]
    [InlineData("--port", "70000", "Error: --port must be 0–65535, not 70000.")]
    public async Task A_dashboard_with_a_bad_option_is_one_line_before_it_listens_or_opens_a_store(string option, string value, string line)
    {
        using var dir = new TempDirectory();
        string[] port = option == "--port" ? [] : ["--port", "0"];
        var result = await CliRunner.RunAsync(dir.Path, new Dictionary<string, string>(), ["dashboard", "--out", "out", .. port, option, value]);

        ShouldBeOneLineUserError(result, line);
        result.Output.ShouldNotContain("Dashboard on");
        result.Output.ShouldNotContain("Launching runs from the browser is off");
        dir.AllFiles().ShouldBeEmpty("no store may be opened or created before the options are valid");
    }

    [Fact]
    public async Task A_dashboard_whose_outputs_folder_is_a_file_is_one_line_naming_it()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("out"), "not a folder");

        var result = await CliRunner.RunAsync(dir.Path, new Dictionary<string, string>(), "dashboard", "--port", "0", "--out", "out");

        ShouldBeOneLineUserError(result, $"Error: The dashboard's outputs folder '{dir.File("out")}' is an existing file; give a folder.");
        result.Output.ShouldNotContain("Dashboard on");
    }

    [PostgresFact]
    public async Task A_server_with_a_bad_option_stops_in_one_line_before_anything_connects_to_postgres()
    {
        await using var postgres = await TestPostgres.CreateAsync();
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("out"), "not a folder");
        var env = new Dictionary<string, string> { ["CATWALK_DB"] = postgres.DatabaseConnectionString, ["FAL_KEY"] = "k-1:s" };

        var result = await CliRunner.RunAsync(dir.Path, env, "server", "--port", "0", "--out", "out");

        ShouldBeOneLineUserError(result, $"Error: The dashboard's outputs folder '{dir.File("out")}' is an existing file; give a folder.");
        result.Output.ShouldNotContain("Server on");
        (await TablesAsync(postgres)).ShouldBeEmpty("neither the store nor Hangfire may touch the database before the options are valid");
    }

    [PostgresFact]
    public async Task A_worker_with_a_bad_option_stops_in_one_line_before_anything_connects_to_postgres()
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        await using var postgres = await TestPostgres.CreateAsync();
        using var dir = new TempDirectory();
        var env = new Dictionary<string, string>
        {
            ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = emulator.BaseUri.ToString(),
            ["CATWALK_DB"] = postgres.DatabaseConnectionString,
        };
        await File.WriteAllTextAsync(dir.File("out"), "not a folder");

        var result = await CliRunner.RunAsync(dir.Path, env, "worker", "--concurrency", "1", "--out", "out");

        ShouldBeOneLineUserError(result, "Error: The output folder 'out' is an existing file; give a folder.");
        result.Output.ShouldNotContain("at once from the");
        emulator.GetStats().Requests.ShouldBe(0);
        (await TablesAsync(postgres)).ShouldBeEmpty("neither the store nor Hangfire may touch the database before the options are valid");
    }

    [PostgresFact]
    public async Task A_worker_with_a_bad_fal_option_from_appsettings_stops_in_one_line_before_anything_connects_to_postgres()
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        await using var postgres = await TestPostgres.CreateAsync();
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("appsettings.json"), """{ "Fal": { "MaxRetries": 50 } }""");
        var env = new Dictionary<string, string>
        {
            ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = emulator.BaseUri.ToString(),
            ["CATWALK_DB"] = postgres.DatabaseConnectionString,
        };

        var result = await CliRunner.RunAsync(dir.Path, env, "worker", "--concurrency", "1");

        ShouldBeOneLineUserError(result, "Error: Fal:MaxRetries must be 0–10, not 50.");
        emulator.GetStats().Requests.ShouldBe(0);
        (await TablesAsync(postgres)).ShouldBeEmpty("neither the store nor Hangfire may touch the database before the options are valid");
    }

    /// <summary>The tables in the test database, in any schema but the system ones: none until a store or Hangfire prepared it.</summary>
    private static async Task<List<string>> TablesAsync(TestPostgres postgres)
    {
        await using var connection = new Npgsql.NpgsqlConnection(postgres.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    private static string[] Arguments(string command) => command switch
    {
        "run" => ["run", "--out", "out", "--no-metrics"],
        "batch" => ["batch", "batch.yaml", "--out", "out", "--no-metrics"],
        "resume" => ["resume", "--out", "out"],
        "image" => ["image", "--ref", "person0.png", "--prompt", "a person", "--out", "out"],
        "video" => ["video", "--image", "person0.png", "--models", "ltx", "--out", "out", "--no-metrics"],
        "dashboard" => ["dashboard", "--port", "0", "--out", "out"],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };

    private static void ShouldBeOneLineUserError(CliResult result, string line)
    {
        result.ExitCode.ShouldBe(2, result.ToString());
        result.HasStackTrace.ShouldBeFalse(result.ToString());
        var errors = result.Output.Split('\n').Where(l => l.StartsWith("Error:", StringComparison.Ordinal)).ToList();
        errors.ShouldHaveSingleItem(result.ToString()).ShouldStartWith(line);
    }
}
