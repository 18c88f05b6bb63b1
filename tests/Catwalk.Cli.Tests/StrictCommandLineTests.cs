using Catwalk.Catalog;
using Catwalk.Cli.Infrastructure.CommandLine;
using Catwalk.Emulator;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary>
/// The real program, with a key and fal pointed at an emulator: a mistyped option or value on any command exits 2 with one
/// line and reaches nothing — no request to fal, no store, no outputs folder.
/// </summary>
public sealed class StrictCommandLineTests
{
    public static TheoryData<string> Commands() => [.. CatwalkCommands.Paths];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task An_unknown_option_on_any_command_exits_2_with_one_line_before_anything_is_touched(string command)
    {
        await using var fal = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        var args = command switch
        {
            "batch" => new[] { command, "lookbook.yaml", "--budjet", "5" },
            "import" => [command, "old", "--bogus"],
            _ => [.. command.Split(' '), "--bogus"],
        };

        var result = await CliRunner.RunAsync(dir.Path, Pointed(fal), args);

        result.ExitCode.ShouldBe(2, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, result.ToString());
        lines[0].ShouldStartWith("Error: Unknown option --" + args[^(command == "batch" ? 2 : 1)].TrimStart('-'));
        if (command == "batch") lines[0].ShouldContain("did you mean --budget?");
        result.HasStackTrace.ShouldBeFalse(result.ToString());
        fal.GetStats().Requests.ShouldBe(0);
        Directory.EnumerateFileSystemEntries(dir.Path).Where(e => Path.GetFileName(e) != ".cache").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("--duration 'abc' is not a whole number.", "run", "--models", "kling", "--duration", "abc")]
    [InlineData("--models is given twice", "run", "--models", "kling", "--models", "ltx")]
    [InlineData("--duration needs a value", "video", "--image", "p.png", "--duration")]
    [InlineData("--budget 'ten' is not a number", "batch", "lookbook.yaml", "--budget", "ten")]
    [InlineData("--concurrency must be 1 to 1024, not 0.", "batch", "lookbook.yaml", "--concurrency", "0")]
    [InlineData("did you mean --models?", "run", "--modls", "kling")]
    public async Task A_bad_value_exits_2_with_one_line_and_sends_nothing(string expected, params string[] args)
    {
        await using var fal = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "lookbook.yaml"), "models: [kling]\n");

        var result = await CliRunner.RunAsync(dir.Path, Pointed(fal), args);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.Trim().Split('\n').Length.ShouldBe(1, result.ToString());
        result.Output.ShouldContain(expected);
        result.HasStackTrace.ShouldBeFalse(result.ToString());
        fal.GetStats().Requests.ShouldBe(0);
    }

    [Fact]
    public async Task Unknown_settings_in_the_environment_and_appsettings_are_warned_about_and_the_command_still_runs()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "appsettings.json"), """{ "Catwalk": { "Emulator": { "LatencyScal": 0 }, "Db": "x.db" } }""");
        var env = new Dictionary<string, string> { ["CATWALK_FAL_QUEU_URL"] = "http://127.0.0.1:9/", ["Catwalk__Fal__QueueUri"] = "http://127.0.0.1:9/", ["CATWALKER"] = "not ours" };

        var result = await CliRunner.RunAsync(dir.Path, env, "models");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("Warning: environment variable CATWALK_FAL_QUEU_URL is not a Catwalk setting and is ignored; did you mean CATWALK_FAL_QUEUE_URL?");
        result.Stderr.ShouldContain("Warning: setting Catwalk:Fal:QueueUri (from the environment) is not one Catwalk reads and is ignored; did you mean Catwalk:Fal:QueueUrl?");
        result.Stderr.ShouldContain($"Warning: setting Catwalk:Emulator:LatencyScal (in {Path.Combine(dir.Path, "appsettings.json")}) is not one Catwalk reads and is ignored; did you mean Catwalk:Emulator:LatencyScale?");
        result.Stderr.ShouldNotContain("CATWALKER");
        result.Stderr.ShouldNotContain("Catwalk:Db");
        result.Stderr.Trim().Split('\n').Length.ShouldBe(3, result.ToString());
    }

    private static Dictionary<string, string> Pointed(FalEmulator fal) => new()
    {
        ["FAL_KEY"] = "strict-test-id:strict-test-secret",
        ["CATWALK_FAL_QUEUE_URL"] = fal.BaseUri.ToString(),
        ["CATWALK_FAL_STORAGE_URL"] = fal.BaseUri.ToString(),
    };
}
