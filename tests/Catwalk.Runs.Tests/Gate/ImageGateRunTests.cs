using Catwalk.Domain;
using Catwalk.Runs.Gate;
using Catwalk.Runs.Quality;
using Catwalk.Runs.Reports;
using Catwalk.Runs.Specs;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Runs.Tests.Gate;

/// <summary>
/// <c>--gate-image</c> on real photographs through the emulator (which lays the look's person picture out as the dressed
/// person): the same man as the face reference is animated; another person's face reference refuses the image, and its
/// videos are never sent.
/// </summary>
[Collection(VisionTests.Collection)]
public class ImageGateRunTests(RealPhotos photos) : IClassFixture<RealPhotos>
{
    private static readonly string[] Models = ["pika", "ltx"];

    private RunSpec Gated(string face, params string[] outfits) => new()
    {
        Kind = RunKind.Run, Name = "gate",
        Looks = [new LookSpec { Id = "look", PersonImage = photos.SelectedFace, FaceImage = face, OutfitImages = outfits }],
        Models = Models, GateImage = true, Metrics = false, Concurrency = 4,
    };

    [VisionFact]
    public async Task An_image_of_the_same_man_passes_the_gate_and_is_animated()
    {
        await using var h = await RunsHarness.StartAsync("sqlite");
        var outcome = await h.Runs.ExecuteAsync(await h.Runs.CreateAsync(Gated(photos.SameManOtherPhoto), h.OutputRoot, true));

        var gate = outcome.Looks.Single().ImageGate.ShouldNotBeNull();
        gate.Outcome.ShouldBe(ImageGateOutcome.Passed, gate.Summary);
        outcome.Jobs.Where(j => j.Stage == StageKind.Video).ShouldAllBe(j => j.State == JobState.Downloaded);
        var image = outcome.Jobs.Single(j => j.Stage == StageKind.Image);
        MetricsJson.DeserializeFashion(image.MetricsJson).ShouldNotBeNull().IdentityMin.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(0.5); // stored with the image
    }

    [VisionFact]
    public async Task Another_persons_face_refuses_the_image_and_no_video_is_sent_or_counted_against_the_models()
    {
        await using var h = await RunsHarness.StartAsync("sqlite");
        var run = await h.Runs.CreateAsync(Gated(photos.OtherPerson), h.OutputRoot, true);
        var outcome = await h.Runs.ExecuteAsync(run);

        var gate = outcome.Looks.Single().ImageGate.ShouldNotBeNull();
        gate.Outcome.ShouldBe(ImageGateOutcome.Failed, gate.Summary);
        gate.Summary.ShouldStartWith("face changed: identity ");
        var videos = outcome.Jobs.Where(j => j.Stage == StageKind.Video).ToList();
        videos.ShouldAllBe(j => j.State == JobState.Failed && j.Error!.StartsWith(GateRule.ErrorPrefix + ": face changed") && j.RequestId == null && j.ChargedUsd == 0);
        outcome.RefusedByGate.ShouldBe(2);
        h.Submissions("fal-ai/nano-banana/edit").ShouldBe(1);
        h.TotalSubmissions.ShouldBe(1); // no video reached fal

        // Not the video models' failures: they were never asked.
        var report = ReportBuilder.Build(outcome.Jobs, [run.Id], DateTimeOffset.UtcNow);
        foreach (var key in Models)
        {
            var model = report.Models.Single(m => m.ModelKey == key);
            (model.Failed, model.NotRun, model.Unfinished, model.SuccessRate).ShouldBe((0, 1, 0, (double?)null));
        }

        // A resume that retries failed jobs measures nothing again (the verdict is stored) and refuses them again.
        await h.Runs.ReopenAsync(run, retryFailed: true, resubmitUnknown: false);
        var again = await h.Runs.ExecuteAsync((await h.Store.Store.GetRunAsync(run.Id))!);
        again.RefusedByGate.ShouldBe(2);
        h.TotalSubmissions.ShouldBe(1);
    }

    [VisionFact]
    public async Task Another_process_reads_the_stored_verdict_instead_of_measuring_again()
    {
        await using var h = await RunsHarness.StartAsync("sqlite");
        var run = await h.Runs.CreateAsync(Gated(photos.OtherPerson), h.OutputRoot, true);
        await h.Runs.ExecuteAsync(run);
        var image = (await h.Store.Store.GetJobsAsync(run.Id)).Single(j => j.Stage == StageKind.Image);
        var stored = MetricsJson.DeserializeFashion(image.MetricsJson).ShouldNotBeNull();
        ImageGate.Judge(stored).Outcome.ShouldBe(ImageGateOutcome.Failed);
        (await ImageGateCheck.RunAsync(h.Store.Store, image with { FilePath = "gone.png" }, h.OutputRoot, Gated(photos.OtherPerson), default)).Outcome
            .ShouldBe(ImageGateOutcome.Failed); // read from the store, not measured again (the file is not even looked at)
    }
}
