using Catwalk.Dashboard.Data;
using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Dashboard.Tests.Data;

/// <summary>Which videos make a look's matrix: a 360° turn video of the front image is its own matrix, not a second video in the front cell.</summary>
public sealed class LookMatrixTests
{
    private static JobRecord Job(string id, StageKind stage, string model, string key, string? input = null) => new()
    {
        Id = id, RunId = "run", Stage = stage, ModelKey = model, EndpointId = $"fal-ai/{model}", InputKey = key, LookId = "ann/jacket", InputJobId = input, State = JobState.Downloaded,
        FilePath = stage == StageKind.Image ? "i.png" : "v.mp4", ContentType = stage == StageKind.Image ? "image/png" : "video/mp4",
    };

    [Fact]
    public void A_turnaround_video_is_its_own_matrix()
    {
        JobRecord[] jobs =
        [
            Job("front", StageKind.Image, "seedream-edit", "ann/jacket/front"),
            Job("back", StageKind.Image, "seedream-edit", "ann/jacket/back"),
            Job("v-front", StageKind.Video, "kling", "ann/jacket/front@5s", "front"),
            Job("v-back", StageKind.Video, "kling", "ann/jacket/back@5s", "back"),
            Job("v-turn", StageKind.Video, "kling", "ann/jacket/front/turnaround@5s", "front"),
        ];
        LookMatrix.KeyOf(jobs[4]).ShouldBe("ann/jacket/turnaround@5s");
        var look = LookMatrix.Of("run", "ann/jacket@5s", jobs)!;
        look.Rows.Select(r => (r.Angle, r.Cells.Single().Job!.Id)).ShouldBe([("front", "v-front"), ("back", "v-back")]);
        var turn = LookMatrix.Of("run", jobs[4].InputKey, jobs)!;
        turn.Key.ShouldBe("ann/jacket/turnaround@5s");
        turn.Rows.Select(r => (r.Image!.Id, r.Cells.Single().Job!.Id)).ShouldBe([("front", "v-turn")]);

        // Each names the other, so the compare page links them; the turnaround says what it is.
        (look.IsTurnaround, turn.IsTurnaround).ShouldBe((false, true));
        (look.Title, turn.Title).ShouldBe(("ann/jacket", "ann/jacket · 360° turnaround"));
        LookMatrix.Of("run", look.CounterpartKey, jobs)!.Key.ShouldBe(turn.Key);
        LookMatrix.Of("run", turn.CounterpartKey, jobs)!.Key.ShouldBe(look.Key);
        LookMatrix.Of("run", LookMatrix.CounterpartOf("ann/jacket@10s"), jobs).ShouldBeNull("no video at another duration");
    }
}
