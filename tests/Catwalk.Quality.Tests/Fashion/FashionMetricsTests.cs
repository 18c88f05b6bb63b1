using Xunit.Abstractions;
using Catwalk.Quality.Fashion;
using Catwalk.Testing;

namespace Catwalk.Quality.Tests.Fashion;

/// <summary>
/// Fashion metrics on videos made from real photographs (<see cref="RealPhotos"/>): each check can fail, and the
/// numbers they print are the ones the thresholds in <see cref="FashionThresholds"/> were chosen from.
/// </summary>
[Collection(VisionCollection.Name)]
public sealed class FashionMetricsTests(RealPhotos photos, ITestOutputHelper output) : IClassFixture<RealPhotos>
{
    private async Task<FashionMetrics> MeasureAsync(string video, string? face = null, params string[] outfits)
    {
        var metrics = await VideoMetricsAnalyzer.AnalyzeAsync(video, null, null, new FashionOptions(new FashionReferences(face, null, outfits), Worker: photos.Worker));
        var f = metrics.Fashion.ShouldNotBeNull();
        output.WriteLine($"{Path.GetFileName(video)} vs {Path.GetFileName(face ?? outfits.FirstOrDefault())}: identity mean {f.IdentityMean} min {f.IdentityMin} drift {f.IdentityDrift} faces {f.FaceFoundShare}; "
                         + $"full body {f.FullBodyShare}; garment ΔE {f.GarmentDeltaE} overlap {f.GarmentHistIntersection}; cpu {f.WorkerCpuSec} s; flags: {string.Join("; ", f.Flags)}; notes: {string.Join("; ", f.Notes)}");
        f.FramesSampled.ShouldBe(FashionOptions.DefaultFrames);
        metrics.Flags.ShouldBe([.. metrics.Flags.Except(f.Flags), .. f.Flags], "fashion flags are the video's flags too");
        return f;
    }

    [VisionFact]
    public async Task The_same_man_in_another_photo_keeps_his_identity_through_pan_zoom_and_brightness()
    {
        var f = await MeasureAsync(photos.FaceVideo, photos.SameManOtherPhoto);
        f.FaceFoundShare.ShouldBe(1);
        f.IdentityMin.ShouldNotBeNull().ShouldBeGreaterThan(FashionThresholds.Identity);
        f.IdentityMean.ShouldNotBeNull().ShouldBeGreaterThan(0.7);
        Math.Abs(f.IdentityDrift.ShouldNotBeNull()).ShouldBeLessThan(FashionThresholds.Drift);
        f.Flags.ShouldNotContain(x => x.StartsWith("face"));
    }

    [VisionFact]
    public async Task Other_people_score_below_the_identity_threshold()
    {
        foreach (var stranger in new[] { photos.OtherPerson, photos.AnotherPerson })
        {
            var f = await MeasureAsync(photos.FaceVideo, stranger);
            f.FaceFoundShare.ShouldBe(1);
            f.IdentityMean.ShouldNotBeNull().ShouldBeLessThan(FashionThresholds.Identity);
            f.Flags.ShouldContain(x => x.StartsWith("face changed"));
        }
    }

    [VisionFact]
    public async Task Another_person_spliced_into_the_second_half_shows_as_drift()
    {
        var f = await MeasureAsync(photos.SplicedVideo, photos.SameManOtherPhoto);
        f.IdentityDrift.ShouldNotBeNull().ShouldBeGreaterThan(FashionThresholds.Drift);
        f.IdentityMin.ShouldNotBeNull().ShouldBeLessThan(FashionThresholds.Identity);
        f.IdentityLowestSec.ShouldNotBeNull().ShouldBeGreaterThan(1.5);
        f.Frames.Where(x => x.TimeSec < 1.4).ShouldAllBe(x => x.Identity > FashionThresholds.Identity);
        f.Flags.ShouldContain(x => x.StartsWith("face drifts"));
        f.Flags.ShouldContain(x => x.StartsWith("face changed"));
    }

    [VisionFact]
    public async Task Head_to_toe_passes_the_full_body_check_and_a_cut_at_the_knees_fails_it()
    {
        var full = await MeasureAsync(photos.FullBodyVideo, null, photos.RedDress);
        full.FullBodyShare.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(FashionThresholds.FullBodyShare);
        full.Flags.ShouldNotContain(x => x.StartsWith("feet cut off"));

        var knees = await MeasureAsync(photos.CutAtKneesVideo, null, photos.RedDress);
        knees.FullBodyShare.ShouldNotBeNull().ShouldBeLessThan(FashionThresholds.FullBodyShare);
        knees.FeetLeaveSec.ShouldBe(0);
        knees.Flags.ShouldContain(x => x.StartsWith("feet cut off"));
    }

    [VisionFact]
    public async Task The_outfit_keeps_its_colours_and_a_hue_shifted_copy_or_another_outfit_is_flagged()
    {
        var same = await MeasureAsync(photos.FullBodyVideo, null, photos.RedDress);
        same.GarmentDeltaE.ShouldNotBeNull().ShouldBeLessThan(FashionThresholds.GarmentDeltaE);
        same.GarmentHistIntersection.ShouldNotBeNull().ShouldBeGreaterThan(FashionThresholds.GarmentHistIntersection);
        same.Flags.ShouldNotContain(x => x.StartsWith("colour changed"));

        foreach (var (video, outfit) in new[] { (photos.HueShiftedVideo, photos.RedDress), (photos.FullBodyVideo, photos.YellowDress) })
        {
            var changed = await MeasureAsync(video, null, outfit);
            changed.GarmentDeltaE.ShouldNotBeNull().ShouldBeGreaterThan(FashionThresholds.GarmentDeltaE);
            changed.Flags.ShouldContain(x => x.StartsWith("colour changed"));
        }
    }

    [VisionFact]
    public async Task A_generated_image_is_measured_like_one_frame()
    {
        var f = await FashionMeasurement.MeasureImageAsync(photos.RedDress, new FashionOptions(new FashionReferences(null, null, [photos.YellowDress]), Worker: photos.Worker), CancellationToken.None);
        f.FramesSampled.ShouldBe(1);
        f.FullBodyShare.ShouldBe(1);
        f.Flags.ShouldContain(x => x.StartsWith("colour changed"));
    }

    [VisionFact]
    public async Task Each_frame_keeps_its_measured_size_the_keypoints_and_where_the_garment_is()
    {
        // 720×1280, shrunk to the sampled size; the dress stands at x 180–540 of the video (scaled 3/4), zoomed from the
        // top-left corner by up to 1.08 over the 3 s.
        var f = await MeasureAsync(photos.FullBodyVideo, null, photos.RedDress);
        var (width, height) = SampledFrames.Size(720, 1280);
        (width, height).ShouldBe((540, 960));
        foreach (var frame in f.Frames)
        {
            (frame.Width, frame.Height).ShouldBe((width, height));
            var ankle = frame.Keypoints.ShouldNotBeNull()["leftAnkle"];
            ankle[1].ShouldBeGreaterThan(0.75 * height, "the ankle is near the bottom of a head-to-toe frame");
            var box = frame.GarmentBox.ShouldNotBeNull();
            box.Count.ShouldBe(4);
            box[0].ShouldBeGreaterThanOrEqualTo(0.75 * 180 - 10);
            (box[0] + box[2]).ShouldBeLessThanOrEqualTo(0.75 * 540 * 1.08 + 10);
            box[1].ShouldBeGreaterThan(ankle[1] * 0.1, "the garment starts below the shoulders, not at the head");
            var outline = frame.GarmentOutline.ShouldNotBeNull();
            outline.Count.ShouldBeInRange(6, 48); // up to 12 bands, a left and a right point each: small enough for every stored frame
            (outline.Count % 2).ShouldBe(0);
            for (var i = 0; i < outline.Count; i += 2)
            {
                outline[i].ShouldBeInRange(box[0] - 2, box[0] + box[2] + 2);
                outline[i + 1].ShouldBeInRange(box[1] - 2, box[1] + box[3] + 2);
            }
        }
    }

    [VisionFact]
    public async Task A_worker_that_dies_is_started_again_and_the_metrics_still_come()
    {
        await MeasureAsync(photos.FullBodyVideo, null, photos.RedDress);
        var worker = photos.Worker.ShouldNotBeNull();
        var starts = worker.Starts;
        using (var process = System.Diagnostics.Process.GetProcessById(worker.ProcessId.ShouldNotBeNull())) process.Kill();
        var f = await MeasureAsync(photos.CutAtKneesVideo, null, photos.RedDress);
        f.FullBodyShare.ShouldNotBeNull();
        worker.Starts.ShouldBe(starts + 1);
    }
}
