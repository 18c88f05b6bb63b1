using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Emulator;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary><c>catwalk image --model KEY</c> with the new image stages, and <c>catwalk models</c> listing them, against an emulator whose requests are counted.</summary>
public class ImageModelCommandTests
{
    private static Dictionary<string, string> Env(FalEmulator emulator) =>
        new() { ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = emulator.BaseUri.ToString() };

    private static int Submissions(FalEmulator emulator) => emulator.GetStats().Endpoints.Values.Sum(e => e.Submissions);

    [Fact]
    public async Task A_try_on_model_dresses_the_person_in_one_garment_and_refuses_two_in_one_line_before_sending_anything()
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        TestImages.WritePng(dir.File("me.png"));
        TestImages.WritePng(dir.File("top.png"), 200, 240, seed: 1);
        TestImages.WritePng(dir.File("jeans.png"), 200, 240, seed: 2);

        var one = await CliRunner.RunAsync(dir.Path, Env(emulator), "image", "--model", "fashn-tryon", "--ref", "me.png", "--ref", "top.png");
        one.ExitCode.ShouldBe(0, one.ToString());
        Directory.GetFiles(Path.Combine(dir.Path, "outputs", "images"), "img_*.png", SearchOption.AllDirectories).ShouldHaveSingleItem();
        emulator.GetStats().Endpoints["fal-ai/fashn/tryon/v1.6"].Submissions.ShouldBe(1);

        var two = await CliRunner.RunAsync(dir.Path, Env(emulator), "image", "--model", "fashn-tryon", "--ref", "me.png", "--ref", "top.png", "--ref", "jeans.png");
        ShouldBeOneLineUserError(two, "Error: fashn-tryon (FASHN Try-On v1.6) dresses 1 garment per call, not 2: give one --ref garment after the person");
        Submissions(emulator).ShouldBe(1, "nothing more was sent");
        emulator.GetStats().Uploads.ShouldBe(2, "not even the pictures went up");
    }

    [Theory]
    [InlineData("kolors-tryon", new[] { "--ref", "me.png", "--ref", "top.png", "--face", "face.png" }, "Error: kolors-tryon (Kolors Try-On v1.5) keeps the person's own face and takes no face picture: leave --face out.")]
    [InlineData("kolors-tryon", new[] { "--ref", "me.png" }, "Error: kolors-tryon (Kolors Try-On v1.5) needs a garment to dress the person in")]
    [InlineData("qwen-edit-plus", new[] { "--ref", "me.png", "--face", "face.png", "--ref", "top.png", "--ref", "top.png", "--prompt", "dress her" }, "Error: qwen-edit-plus (Qwen Image Edit Plus) takes at most 3 reference images per call, not 4")]
    [InlineData("seedream-edit", new[] { "--ref", "me.png" }, "Error: --prompt is required: describe the image.")]
    [InlineData("veo3", new[] { "--ref", "me.png", "--prompt", "dress her" }, "Error: --model veo3 is a video model")]
    public async Task What_the_model_cannot_take_is_one_line_and_exit_2_before_anything_is_sent(string model, string[] args, string error)
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        foreach (var name in new[] { "me.png", "face.png", "top.png" }) TestImages.WritePng(dir.File(name));

        var result = await CliRunner.RunAsync(dir.Path, Env(emulator), ["image", "--model", model, .. args]);

        ShouldBeOneLineUserError(result, error);
        emulator.GetStats().Requests.ShouldBe(0);
        Directory.Exists(Path.Combine(dir.Path, "outputs")).ShouldBeFalse("no run was stored");
    }

    [Theory]
    [InlineData("nano-banana-pro-edit")]
    [InlineData("seedream-edit")]
    [InlineData("flux-kontext-multi")]
    [InlineData("qwen-edit-plus")]
    [InlineData("kolors-tryon")]
    public async Task Each_new_model_makes_its_image_through_catwalk_image(string model)
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        (string Name, int Seed)[] pictures = [("me.png", 1), ("face.png", 2), ("top.png", 3)]; // three contents: three uploads
        foreach (var (name, seed) in pictures) TestImages.WritePng(dir.File(name), seed: seed);
        var tryOn = ModelCatalog.BuiltIn.Get(model).IsTryOn;
        string[] refs = tryOn ? ["--ref", "me.png", "--ref", "top.png"] : ["--ref", "me.png", "--face", "face.png", "--ref", "top.png", "--prompt", "dress the person in the top"];

        var result = await CliRunner.RunAsync(dir.Path, Env(emulator), ["image", "--model", model, .. refs]);

        result.ExitCode.ShouldBe(0, result.ToString());
        var image = Directory.GetFiles(Path.Combine(dir.Path, "outputs", "images"), "img_*", SearchOption.AllDirectories).ShouldHaveSingleItem();
        ImageSniffer.ContentType(await File.ReadAllBytesAsync(image)).ShouldStartWith("image/");
        emulator.GetStats().Endpoints[ModelCatalog.BuiltIn.Get(model).EndpointId].Submissions.ShouldBe(1);
        emulator.GetStats().Uploads.ShouldBe(tryOn ? 2 : 3, "person, face and outfit go to a multi-image model; person and garment to a try-on");
    }

    [Fact]
    public async Task Models_lists_the_new_image_stages_with_what_they_take_and_their_prices()
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync(dir.Path, null, "models");
        result.ExitCode.ShouldBe(0, result.ToString());
        foreach (var key in new[] { "nano-banana-pro-edit", "seedream-edit", "flux-kontext-multi", "qwen-edit-plus", "fashn-tryon", "kolors-tryon" })
            result.Stdout.ShouldContain(key);
        result.Stdout.ShouldContain("$0.075/image");
        result.Stdout.ShouldContain("≈$0.15/image");
        result.Stdout.ShouldContain("≤10 refs, angle");
        result.Stdout.ShouldContain("person + 1 garment");
    }

    private static void ShouldBeOneLineUserError(CliResult result, string line)
    {
        result.ExitCode.ShouldBe(2, result.ToString());
        result.HasStackTrace.ShouldBeFalse(result.ToString());
        var errors = result.Output.Split('\n').Where(l => l.StartsWith("Error:", StringComparison.Ordinal)).ToList();
        errors.ShouldHaveSingleItem(result.ToString()).ShouldStartWith(line);
    }
}
