using System.Diagnostics;
using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Testing;

namespace Catwalk.Emulator.Tests;

/// <summary>
/// fal's official JavaScript client, unchanged and pointed at the emulator only by its request middleware, uploads,
/// subscribes to every catalog endpoint, gets a ValidationError from the result of a bad input (queued like any other,
/// as fal's queue does not validate), cancels queued jobs whatever their input, and sees fal's status codes.
/// This is how we know the emulator speaks fal, not just our own client.
/// </summary>
public class FidelityTests
{
    [Fact]
    public async Task The_official_fal_js_client_works_against_the_emulator()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "fidelity");
        File.Exists(Path.Combine(folder, "node_modules", "@fal-ai", "client", "package.json"))
            .ShouldBeTrue("fal's JS client is not installed: run `npm ci --prefix tests/fidelity` (./test does this)");
        using var dir = new TempDirectory();
        await using var emulator = await FalEmulator.StartAsync(
            new FalEmulatorOptions { GpusPerEndpoint = 1, LatencyScale = 0.02, CacheDirectory = dir.File("cache") }, ModelCatalog.BuiltIn);
        await File.WriteAllTextAsync(dir.File("inputs.json"), Inputs().ToJsonString());
        TestImages.WritePng(dir.File("ref.png"), 320, 480);

        var (exit, stdout, stderr) = await RunNodeAsync(folder, new()
        {
            ["EMULATOR_URL"] = emulator.BaseUri.ToString(), ["FIDELITY_INPUTS"] = dir.File("inputs.json"), ["FIDELITY_IMAGE"] = dir.File("ref.png"),
        });
        exit.ShouldBe(0, $"{stdout}\n{stderr}");
        var report = JsonNode.Parse(stdout.Trim().Split('\n').Last())!;
        var subscribed = report["subscribed"]!.AsArray();
        subscribed.Select(s => s!["endpoint"]!.GetValue<string>()).ShouldBe(ModelCatalog.BuiltIn.Models.Select(m => m.EndpointId), ignoreOrder: true);
        subscribed.ShouldAllBe(s => s!["bytes"]!.GetValue<int>() > 1000);
        subscribed.Select(s => s!["mode"]!.GetValue<string>()).Distinct().Count().ShouldBe(2);
        report["validation"]!["submitAccepted"]!.GetValue<bool>().ShouldBeTrue("fal's queue takes any JSON object; the model refuses it later");
        report["validation"]!["resultStatus"]!.GetValue<int>().ShouldBe(422);
        report["validation"]!["subscribeStatus"]!.GetValue<int>().ShouldBe(422);
        report["validation"]!["fields"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["body.duration"]);
        report["cancel"]!["statusAfterCancel"]!.GetValue<string>().ShouldBe("COMPLETED");
        report["badInputCancel"]!["submitted"]!.GetValue<bool>().ShouldBeTrue();
        report["badInputCancel"]!["statusBefore"]!.GetValue<string>().ShouldBe("IN_QUEUE");
        report["badInputCancel"]!["statusAfter"]!.GetValue<string>().ShouldBe("COMPLETED");
        report["statusCodes"]!["queued"]!.GetValue<int>().ShouldBe(202);
        report["statusCodes"]!["completed"]!.GetValue<int>().ShouldBe(200);
        emulator.GetStats().Endpoints["fal-ai/hunyuan-video-v1.5/image-to-video"].Cancels.ShouldBe(2);
        emulator.GetStats().Uploads.ShouldBe(1);
    }

    /// <summary>A minimal valid input per endpoint, from the catalog: prompt, the image ("$IMAGE"), the shortest duration.</summary>
    private static JsonArray Inputs() => new([.. ModelCatalog.BuiltIn.Models.Select(m =>
    {
        var input = new JsonObject();
        if (m.Inputs.Prompt is { } prompt) input[prompt] = "a person walks towards the camera";
        if (m.Inputs.Image is { } image) input[image] = "$IMAGE";
        if (m.TryOn is { } tryOn) (input[tryOn.PersonField], input[tryOn.GarmentField]) = ("$IMAGE", "$IMAGE");
        if (m.Inputs.Images is { } images) input[images] = new JsonArray("$IMAGE");
        if (m.Duration is { } d) input[d.Field] = d.ToArgument(d.AllowedValues().Min());
        return (JsonNode)new JsonObject { ["endpoint"] = m.EndpointId, ["input"] = input, ["slow"] = m.Key == "hunyuan" };
    })]);

    private static async Task<(int Exit, string Stdout, string Stderr)> RunNodeAsync(string folder, Dictionary<string, string> env)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("fidelity.mjs");
        foreach (var (k, v) in env) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

}
