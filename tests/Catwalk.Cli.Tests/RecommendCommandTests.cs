using System.Text.Json.Nodes;
using Catwalk.Domain;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary><c>catwalk recommend</c> on a real emulated run in a temp store, with votes stored as the dashboard stores them; and its mistakes.</summary>
public sealed class RecommendCommandTests
{
    /// <summary>An emulated run of three models (their videos measured as the run goes), then 12 votes: kling preferred to ltx 10 times.</summary>
    private static async Task<TempDirectory> RunWithVotesAsync()
    {
        var dir = new TempDirectory();
        TestImages.WritePng(dir.File("look.png"), 256, 384);
        var run = await CliRunner.RunAsync(dir.Path, null, "video", "--image", "look.png", "--models", "ltx,kling,pika", "--duration", "5", "--latency-scale", "0");
        run.ExitCode.ShouldBe(0, run.ToString());
        await using var store = await RunStoreFactory.OpenAsync(null, Path.Combine(dir.Path, "outputs"));
        var jobs = (await store.QueryJobsAsync(new JobQuery { Stage = StageKind.Video }, CancellationToken.None)).ToDictionary(j => j.ModelKey);
        for (var i = 0; i < 12; i++)
            await store.AddVoteAsync(new VoteRecord
            {
                Id = $"vote-{i}", CreatedAt = i, RunId = jobs["kling"].RunId, InputKey = jobs["kling"].InputKey, LeftJobId = jobs["kling"].Id, RightJobId = jobs["ltx"].Id,
                LeftModel = "kling", RightModel = "ltx", Outcome = i < 10 ? VoteOutcome.Left : VoteOutcome.Right,
            });
        return dir;
    }

    [Fact]
    public async Task Json_ranks_the_models_with_intervals_weights_and_verdicts()
    {
        using var dir = await RunWithVotesAsync();
        var result = await CliRunner.RunAsync(dir.Path, null, "recommend", "--json", "--weights", "preference=0.4,quality=0.2,cost=0.4");
        result.ExitCode.ShouldBe(0, result.ToString());
        var json = JsonNode.Parse(result.Stdout)!.AsObject();

        json["weights"]!.GetValue<string>().ShouldBe("preference=0.4,quality=0.2,cost=0.4");
        json.ContainsKey("all").ShouldBeFalse("each answer once");
        var video = json["video"]!.AsObject();
        video["scope"]!["stage"]!.GetValue<string>().ShouldBe("video");
        video["votes"]!.GetValue<int>().ShouldBe(12);
        video["quality_family"]!.GetValue<string>().ShouldBe("pixel"); // measured, without face or outfit references
        var ranked = video["ranked"]!.AsArray().Select(m => m!.AsObject()).ToList();
        ranked.Select(m => m["model"]!.GetValue<string>()).Order().ShouldBe(["kling", "ltx", "pika"]);
        foreach (var model in ranked)
        {
            var score = model["score"]!.GetValue<double>();
            score.ShouldBeInRange(0, 1);
            model["score_interval"]!["lower"]!.GetValue<double>().ShouldBeLessThanOrEqualTo(score + 1e-9);
            model["score_interval"]!["upper"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(score - 1e-9);
            model["criteria"]!.AsArray().Select(c => c!["criterion"]!.GetValue<string>()).ShouldBe(["preference", "quality", "cost", "latency"]);
        }
        var kling = ranked.Single(m => m["model"]!.GetValue<string>() == "kling");
        var ltx = ranked.Single(m => m["model"]!.GetValue<string>() == "ltx");
        Preference(kling).ShouldBeGreaterThan(Preference(ltx));
        // The weights used sum to 1; latency was asked 0 and stays 0.
        var weights = video["weights"]!.AsArray().Select(w => w!.AsObject()).ToList();
        weights.Sum(w => w["used"]!.GetValue<double>()).ShouldBe(1, 1e-6);
        weights.Single(w => w["criterion"]!.GetValue<string>() == "latency")["used"]!.GetValue<double>().ShouldBe(0);
        var verdicts = video["verdicts"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        verdicts[0].ShouldStartWith($"{ranked[0]["model"]}: best overall");
        verdicts.ShouldContain(v => v.Contains("best value"));
        json["image"].ShouldBeNull("a video command makes no image");
    }

    private static double Preference(JsonObject model) =>
        model["criteria"]!.AsArray().Single(c => c!["criterion"]!.GetValue<string>() == "preference")!["value"]!.GetValue<double>();

    [Fact]
    public async Task Constraints_exclude_with_the_reason_and_the_table_ends_in_sentences()
    {
        using var dir = await RunWithVotesAsync();
        var json = await CliRunner.RunAsync(dir.Path, null, "recommend", "--json", "--min-identity", "0.6");
        json.ExitCode.ShouldBe(0, json.ToString());
        var video = JsonNode.Parse(json.Stdout)!["video"]!;
        video["ranked"]!.AsArray().ShouldBeEmpty();
        video["excluded"]!.AsArray().Select(e => e!["reason"]!.GetValue<string>()).ShouldAllBe(r => r.StartsWith("identity not measured", StringComparison.Ordinal));

        var table = await CliRunner.RunAsync(dir.Path, null, "recommend");
        table.ExitCode.ShouldBe(0, table.ToString());
        table.Stdout.ShouldContain("Video models");
        table.Stdout.ShouldContain(": best overall (score ");
        table.Stdout.ShouldContain("12 vote(s)");
    }

    [Theory]
    [InlineData("--weights", "quality=-1", "negative")]
    [InlineData("--weights", "speed=1", "unknown criterion 'speed'")]
    [InlineData("--weights", "quality=0,cost=0", "every weight is 0")]
    [InlineData("--weights", "quality=high", "not a number")]
    [InlineData("--min-identity", "2", "outside −1–1")]
    [InlineData("--min-full-body", "1.5", "outside 0–1")]
    [InlineData("--min-full-body", "most", "most")]
    [InlineData("--all", "--run", "")]
    public async Task A_bad_option_is_one_line_and_exit_2(string option, string value, string says)
    {
        using var dir = new TempDirectory();
        string[] args = option == "--all" ? ["recommend", "--all", "--run", "abc"] : ["recommend", option, value];
        var result = await CliRunner.RunAsync(dir.Path, null, args);
        result.ExitCode.ShouldBe(2, result.ToString());
        result.HasStackTrace.ShouldBeFalse(result.ToString());
        var line = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem();
        line.ShouldStartWith("Error:");
        line.ShouldContain(option == "--all" ? "not both" : says);
        Directory.Exists(dir.File("outputs")).ShouldBeFalse("nothing is opened for a mistyped line");
    }

    [Fact]
    public async Task An_empty_store_says_what_to_do_next()
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync(dir.Path, null, "recommend", "--json");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.Trim().ShouldContain("`catwalk run` makes videos");
    }
}
