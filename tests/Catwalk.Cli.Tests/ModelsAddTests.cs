using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary><c>catwalk models add</c>: an endpoint not in the catalog, read from fal's OpenAPI and price, written to the user catalog, then run like any model.</summary>
public sealed class ModelsAddTests
{
    [Fact]
    public async Task An_endpoint_added_offline_runs_end_to_end_like_a_built_in_model()
    {
        using var dir = new TempDirectory();
        var add = await CliRunner.RunAsync(dir.Path, null, "models", "add", "alibaba/happy-horse/image-to-video");
        add.ExitCode.ShouldBe(0, add.ToString());
        add.Stdout.ShouldContain("duration: duration as a JSON integer, 3/4/5/6/7/8/9/10/11/12/13/14/15 s, default 5 s");
        add.Stdout.ShouldContain("Added happy-horse");
        var catalog = ModelCatalog.LoadFile(dir.File("catwalk.models.json"));
        catalog.Models.ShouldHaveSingleItem().EndpointId.ShouldBe("alibaba/happy-horse/image-to-video");

        var listed = await CliRunner.RunAsync(dir.Path, null, "models");
        listed.Stdout.ShouldContain("happy-horse");
        var run = await CliRunner.RunAsync(dir.Path, null, "run", "--models", "happy-horse", "--duration", "4", "--latency-scale", "0", "--no-metrics");
        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("1 of 1 videos saved");
        Directory.GetFiles(dir.File("outputs/videos"), "*.mp4", SearchOption.AllDirectories).ShouldHaveSingleItem().ShouldContain("happy-horse");
    }

    [Fact]
    public async Task With_a_key_the_price_comes_from_fals_pricing_api_and_the_entry_goes_to_the_named_catalog()
    {
        const string key = "add-id:add-secret-6677";
        await using var fal = await FalEmulator.StartAsync(new FalEmulatorOptions { RequiredKey = key, LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        var env = new Dictionary<string, string> { ["FAL_KEY"] = key, ["CATWALK_FAL_QUEUE_URL"] = fal.BaseUri.ToString(), ["CATWALK_FAL_API_URL"] = new Uri(fal.BaseUri, "v1").ToString() };
        var add = await CliRunner.RunAsync(dir.Path, env, "models", "add", "fal-ai/kling-video/v2.5-turbo/standard/image-to-video", "--key", "kling-turbo", "--catalog", "team.json");
        add.ExitCode.ShouldBe(0, add.ToString());
        add.Stdout.ShouldContain("price: $0.042 per second of video");
        add.Stdout.ShouldContain("duration: duration as a JSON string, 5/10 s");
        add.Output.ShouldNotContain("add-secret");
        File.Exists(dir.File("catwalk.models.json")).ShouldBeFalse();
        var entry = ModelCatalog.LoadFile(dir.File("team.json")).Get("kling-turbo");
        entry.Price.Verified.ShouldBeTrue();
        entry.Duration!.ToArgument(10).ToJsonString().ShouldBe("\"10\"");
        fal.GetStats().Endpoints.Values.Sum(e => e.Submissions).ShouldBe(0);

        var again = await CliRunner.RunAsync(dir.Path, env, "models", "add", "fal-ai/kling-video/v2.5-turbo/standard/image-to-video", "--key", "kling-turbo", "--catalog", "team.json");
        again.Stdout.ShouldContain("Replaced kling-turbo");
        ModelCatalog.LoadFile(dir.File("team.json")).Models.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("fal-ai/nope/image-to-video", "fal has no endpoint 'fal-ai/nope/image-to-video'")]
    [InlineData("fal-ai/veo3/image-to-video", "is built in already, as 'veo3'")]
    [InlineData("not-an-id", "is not a fal endpoint id")]
    public async Task What_cannot_be_added_is_one_line_and_exit_2(string endpointId, string expected)
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync(dir.Path, null, "models", "add", endpointId);
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldContain(expected);
        result.HasStackTrace.ShouldBeFalse(result.ToString());
        File.Exists(dir.File("catwalk.models.json")).ShouldBeFalse();
    }
}
