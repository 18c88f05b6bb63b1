using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary><c>catwalk models search</c> through fal's Platform API: offline against the built-in emulator, or a fal-compatible server with a key.</summary>
public sealed class ModelsSearchTests
{
    [Fact]
    public async Task Without_a_key_it_asks_the_built_in_emulator_and_says_so()
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync(dir.Path, null, "models", "search", "kling", "--category", "image-to-video");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Emulated:");
        result.Stdout.ShouldContain("fal-ai/kling-video/v2.5-turbo/standard/image-to-video");
        result.Stdout.ShouldContain("$0.042/s");
        result.Stdout.ShouldContain("2 endpoint(s)");
        Directory.Exists(dir.File("outputs")).ShouldBeFalse("a search opens no run store");
    }

    [Fact]
    public async Task With_a_key_it_pages_through_the_configured_platform_api_and_marks_what_the_catalog_has()
    {
        const string key = "search-id:search-secret-4455";
        await using var fal = await FalEmulator.StartAsync(new FalEmulatorOptions { RequiredKey = key, LatencyScale = 0, DeprecatedEndpoints = new HashSet<string> { "fal-ai/pika/v2.2/image-to-video" } }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        var env = new Dictionary<string, string>
        {
            ["FAL_KEY"] = key, ["CATWALK_FAL_QUEUE_URL"] = fal.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = fal.BaseUri.ToString(),
            ["CATWALK_FAL_API_URL"] = new Uri(fal.BaseUri, "v1").ToString(),
        };
        var result = await CliRunner.RunAsync(dir.Path, env, "models", "search", "--category", "image-to-video", "--json");
        result.ExitCode.ShouldBe(0, result.ToString());
        var rows = JsonNode.Parse(result.Stdout)!.AsArray();
        rows.Count.ShouldBe(ModelCatalog.BuiltIn.VideoModels.Count() + 3);
        rows.Single(r => r!["endpoint_id"]!.GetValue<string>() == "fal-ai/veo3/image-to-video")!["catalog_key"]!.GetValue<string>().ShouldBe("veo3");
        rows.Single(r => r!["endpoint_id"]!.GetValue<string>() == "alibaba/happy-horse/image-to-video")!["catalog_key"].ShouldBeNull();
        rows.Single(r => r!["endpoint_id"]!.GetValue<string>() == "fal-ai/pika/v2.2/image-to-video")!["status"]!.GetValue<string>().ShouldBe("deprecated");
        rows.ShouldAllBe(r => r!["unit_price"] != null);
        fal.GetStats().PlatformCalls.ShouldBe(2); // one page of models, one of prices
        result.Output.ShouldNotContain("search-secret");

        var deprecated = await CliRunner.RunAsync(dir.Path, env, "models", "search", "--status", "deprecated");
        deprecated.ExitCode.ShouldBe(0, deprecated.ToString());
        deprecated.Stdout.ShouldContain("deprecated");
        deprecated.Stdout.ShouldContain("1 endpoint(s)");
        fal.GetStats().Endpoints.Values.Sum(e => e.Submissions).ShouldBe(0);
    }
}
