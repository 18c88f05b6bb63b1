namespace Catwalk.Quality.Tests;

public sealed class VideoMetricsAnalyzerTests : IDisposable
{
    private readonly CraftedVideos _clips = new();

    public void Dispose() => _clips.Dispose();

    [Fact]
    public async Task A_moving_clip_moves_and_has_no_defects()
    {
        var m = await VideoMetricsAnalyzer.AnalyzeAsync(await _clips.MovingAsync());
        (m.Width, m.Height, m.Codec, m.HasAudio).ShouldBe((320, 240, "h264", false));
        m.DurationSec.ShouldBe(2, 0.1);
        m.Fps.ShouldBe(24, 0.01);
        m.MotionScore.ShouldNotBeNull().ShouldBeGreaterThan(VideoMetricsAnalyzer.StillMotionThreshold);
        (m.FrozenSec, m.BlackSec, m.Cuts).ShouldBe((0, 0, 0));
        m.Flags.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_frozen_clip_is_frozen_and_near_still()
    {
        var m = await VideoMetricsAnalyzer.AnalyzeAsync(await _clips.FrozenAsync(_clips.Image("still.png", 1)));
        m.FrozenFraction.ShouldBeGreaterThan(0.7);
        m.FrameDifferenceMean.ShouldBeLessThan(0.2);
        m.TemporalFlickerScore.ShouldBeGreaterThan(0.999);
        m.Flags.ShouldContain(f => f.StartsWith("near-still"));
        m.Flags.ShouldContain(f => f.StartsWith("frozen"));
    }

    [Fact]
    public async Task Black_frames_are_found_and_timed()
    {
        var m = await VideoMetricsAnalyzer.AnalyzeAsync(await _clips.WithBlackAsync());
        m.BlackSec.ShouldBe(1, 0.15);
        m.Flags.ShouldContain(f => f.Contains("black frames"));
    }

    [Fact]
    public async Task A_flickering_clip_scores_worse_than_a_steady_one()
    {
        var flicker = await VideoMetricsAnalyzer.AnalyzeAsync(await _clips.FlickeringAsync());
        var steady = await VideoMetricsAnalyzer.AnalyzeAsync(await _clips.FrozenAsync(_clips.Image("steady.png", 2)));
        flicker.BrightnessFlicker.ShouldBeGreaterThan(40);
        flicker.TemporalFlickerScore.ShouldBeLessThan(steady.TemporalFlickerScore - 0.1);
        flicker.Flags.ShouldContain(f => f.StartsWith("brightness flickers"));
    }

    [Fact]
    public async Task A_cut_is_found_where_it_is()
    {
        var m = await VideoMetricsAnalyzer.AnalyzeAsync(await _clips.WithCutAsync());
        m.Cuts.ShouldBe(1);
        m.CutTimesSec.Single().ShouldBe(1.5, 0.1);
    }

    [Fact]
    public async Task The_first_frame_of_a_faithful_video_matches_its_input_and_an_unfaithful_one_does_not()
    {
        var input = await _clips.PatternImageAsync("input.png", "testsrc2=size=320x240");
        var other = await _clips.PatternImageAsync("other.png", "mandelbrot=size=320x240");
        var faithful = await VideoMetricsAnalyzer.AnalyzeAsync(await _clips.FromImageAsync("faithful.mp4", input), input);
        var unfaithful = await VideoMetricsAnalyzer.AnalyzeAsync(await _clips.FromImageAsync("unfaithful.mp4", other), input);
        faithful.FirstFrameSsim.ShouldNotBeNull().ShouldBeGreaterThan(0.8);
        unfaithful.FirstFrameSsim.ShouldNotBeNull().ShouldBeLessThan(faithful.FirstFrameSsim!.Value - 0.2);
        faithful.FirstFramePsnrDb!.Value.ShouldBeGreaterThan(unfaithful.FirstFramePsnrDb!.Value + 5);
        faithful.LastFrameSsim.ShouldNotBeNull().ShouldBeLessThan(faithful.FirstFrameSsim!.Value); // it zoomed in: drift
    }

    [Fact]
    public async Task What_was_asked_is_checked_and_mismatches_flagged()
    {
        var m = await VideoMetricsAnalyzer.AnalyzeAsync(await _clips.MovingAsync(), expected: new VideoExpectation { DurationSec = 5, Width = 1280, Height = 720, Fps = 24, Audio = true });
        m.DurationErrorSec.ShouldNotBeNull().ShouldBe(-3, 0.1);
        m.Flags.ShouldContain("duration 2 s, asked 5 s");
        m.Flags.ShouldContain("size 320×240, expected 1280×720");
        m.Flags.ShouldContain("no audio, though the model promises sound");
        m.Flags.ShouldNotContain(f => f.Contains("fps"));
    }

    [Fact]
    public async Task A_missing_file_is_a_clear_error()
    {
        var error = await Should.ThrowAsync<Catwalk.Domain.InvalidInputException>(() => VideoMetricsAnalyzer.AnalyzeAsync("/nonexistent/clip.mp4"));
        error.Message.ShouldContain("does not exist");
    }

    [Fact]
    public void Every_metric_is_documented_once()
    {
        MetricDefinitions.All.Select(d => d.Name).ShouldBeUnique();
        MetricDefinitions.All.ShouldAllBe(d => d.Meaning.Length > 10 && d.Range.Length > 0);
    }
}
