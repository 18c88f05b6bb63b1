using System.Text.Json.Nodes;
using Catwalk.Domain;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary>
/// <c>catwalk recommend</c> on a real emulated run that dresses the sample person with three image models (one a try-on
/// chain of two calls) and animates each image with two video models, with votes stored as the dashboard stores them:
/// the image stage's preference comes from the votes on images, the video stage's from those on videos.
/// </summary>
public sealed class RecommendImageVotesTests
{
    private static string Samples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Catwalk.slnx"))) return Path.Combine(dir.FullName, "assets", "samples");
        throw new InvalidOperationException("Catwalk.slnx not found above " + AppContext.BaseDirectory);
    }

    private static VoteRecord Vote(int i, JobRecord left, JobRecord right, string outcome) => new()
    {
        Id = $"vote-{i:00}", CreatedAt = i, RunId = left.RunId, InputKey = left.InputKey, LeftJobId = left.Id, RightJobId = right.Id,
        LeftModel = left.ModelKey, RightModel = right.ModelKey, Outcome = outcome, Stage = left.Stage,
    };

    [Fact]
    public async Task Json_and_the_table_rate_image_models_by_image_votes_with_intervals_and_video_models_by_video_votes()
    {
        using var dir = new TempDirectory();
        var samples = Samples();
        var run = await CliRunner.RunAsync(dir.Path, null, "run", "--person", Path.Combine(samples, "person.png"),
            "--outfit", Path.Combine(samples, "outfit-top.png"), "--outfit", Path.Combine(samples, "outfit-trousers.png"), "--garments", "top,bottom",
            "--image-models", "nano-banana-edit,seedream-edit,fashn-tryon", "--models", "pika,kling", "--duration", "5", "--latency-scale", "0");
        run.ExitCode.ShouldBe(0, run.ToString());

        await using (var store = await RunStoreFactory.OpenAsync(null, Path.Combine(dir.Path, "outputs")))
        {
            var jobs = await store.QueryJobsAsync(new JobQuery(), CancellationToken.None);
            // Each model's dressed image: the try-on chain's last step (the one no other step dresses further).
            var fedOn = jobs.Where(j => j.Stage == StageKind.Image && j.InputJobId is not null).Select(j => j.InputJobId).ToHashSet();
            var images = jobs.Where(j => j.Stage == StageKind.Image && !fedOn.Contains(j.Id)).ToDictionary(j => j.ModelKey);
            images.Keys.Order().ShouldBe(["fashn-tryon", "nano-banana-edit", "seedream-edit"]);
            jobs.Count(j => j.Stage == StageKind.Image).ShouldBe(4); // the chain's first step too
            var videos = jobs.Where(j => j.Stage == StageKind.Video && j.InputJobId == images["seedream-edit"].Id).ToDictionary(j => j.ModelKey);
            var i = 0;
            // Images: seedream preferred to nano 8 of 10, nano to the try-on model 3 of 4. Videos: kling to pika 5 of 5.
            for (var k = 0; k < 10; k++) await store.AddVoteAsync(Vote(i++, images["seedream-edit"], images["nano-banana-edit"], k < 8 ? VoteOutcome.Left : VoteOutcome.Right));
            for (var k = 0; k < 4; k++) await store.AddVoteAsync(Vote(i++, images["fashn-tryon"], images["nano-banana-edit"], k < 3 ? VoteOutcome.Right : VoteOutcome.Left));
            for (var k = 0; k < 5; k++) await store.AddVoteAsync(Vote(i++, videos["pika"], videos["kling"], VoteOutcome.Right));
        }

        var result = await CliRunner.RunAsync(dir.Path, null, "recommend", "--json");
        result.ExitCode.ShouldBe(0, result.ToString());
        var json = JsonNode.Parse(result.Stdout)!.AsObject();
        var image = json["image"]!.AsObject();
        image["scope"]!["stage"]!.GetValue<string>().ShouldBe("image");
        image["votes"]!.GetValue<int>().ShouldBe(14);
        json["video"]!["votes"]!.GetValue<int>().ShouldBe(5);
        var ranked = image["ranked"]!.AsArray().Select(m => m!.AsObject()).ToDictionary(m => m["model"]!.GetValue<string>());
        ranked.Keys.Order().ShouldBe(["fashn-tryon", "nano-banana-edit", "seedream-edit"]);
        foreach (var model in ranked.Values)
        {
            var preference = Criterion(model, "preference");
            var value = preference["value"]!.GetValue<double>();
            preference["interval"]!["lower"]!.GetValue<double>().ShouldBeLessThanOrEqualTo(value + 1e-9);
            preference["interval"]!["upper"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(value - 1e-9);
            preference["weight"]!.GetValue<double>().ShouldBeGreaterThan(0);
        }
        double Rating(string model) => Criterion(ranked[model], "preference")["value"]!.GetValue<double>();
        Rating("seedream-edit").ShouldBeGreaterThan(Rating("nano-banana-edit"));
        Rating("nano-banana-edit").ShouldBeGreaterThan(Rating("fashn-tryon"));
        image["weights"]!.AsArray().Single(w => w!["criterion"]!.GetValue<string>() == "preference")!["has_data"]!.GetValue<bool>().ShouldBeTrue();
        result.Stdout.ShouldNotContain("not voted on");
        // The video ranking knows only its own models' votes: no image model among them.
        var video = json["video"]!["ranked"]!.AsArray().Select(m => m!["model"]!.GetValue<string>()).ToList();
        video.Order().ShouldBe(["kling", "pika"]);

        var table = await CliRunner.RunAsync(dir.Path, null, "recommend");
        table.ExitCode.ShouldBe(0, table.ToString());
        table.Stdout.ShouldContain("Image models");
        table.Stdout.ShouldContain("14 vote(s)");
        table.Stdout.ShouldContain("5 vote(s)");
    }

    private static JsonObject Criterion(JsonObject model, string name) =>
        model["criteria"]!.AsArray().Single(c => c!["criterion"]!.GetValue<string>() == name)!.AsObject();
}
