using Catwalk.Catalog;

namespace Catwalk.Core.Tests.Catalog;

public class VideoRequestFitterTests
{
    private const string Image = "https://files.example/a.png";

    private static FittedVideoRequest Fit(string key, VideoSettings settings, FitPolicy policy = FitPolicy.Nearest) =>
        VideoRequestFitter.Fit(ModelCatalog.BuiltIn.Get(key), "walk", Image, settings, policy);

    [Fact]
    public void Kling_gets_start_image_url_and_a_string_duration()
    {
        var fitted = Fit("kling", new VideoSettings { DurationSeconds = 5 });
        fitted.Arguments.ToJsonString().ShouldBe($$"""{"prompt":"walk","start_image_url":"{{Image}}","duration":"5"}""");
    }

    [Fact]
    public void Hunyuan_gets_a_frame_count_instead_of_a_duration()
    {
        var fitted = Fit("hunyuan", new VideoSettings { DurationSeconds = 4 });
        fitted.Arguments["num_frames"]!.GetValue<int>().ShouldBe(97);
        fitted.Settings.DurationSeconds.ShouldBe(4);
    }

    [Fact]
    public void Settings_a_model_lacks_are_left_out_and_noted()
    {
        var fitted = Fit("pika", new VideoSettings { AspectRatio = "9:16", Audio = true, Seed = 7 });
        fitted.Arguments.ContainsKey("aspect_ratio").ShouldBeFalse();
        fitted.Arguments["seed"]!.GetValue<long>().ShouldBe(7);
        fitted.Adjustments.ShouldContain(a => a.Contains("silent"));
    }

    [Fact]
    public void An_unsupported_resolution_moves_to_the_nearest_when_several_models_run()
    {
        var fitted = Fit("veo3", new VideoSettings { Resolution = "480p" });
        fitted.Arguments["resolution"]!.GetValue<string>().ShouldBe("720p");
        fitted.Adjustments.ShouldContain(a => a.StartsWith("resolution 480p → 720p"));
    }

    [Fact]
    public void An_unsupported_setting_is_refused_when_one_model_runs()
    {
        Should.Throw<UnsupportedSettingException>(() => Fit("veo3", new VideoSettings { Resolution = "480p" }, FitPolicy.Exact)).Message.ShouldContain("720p, 1080p");
        Should.Throw<UnsupportedSettingException>(() => Fit("ltx", new VideoSettings { AspectRatio = "9:16" }, FitPolicy.Exact)).Message.ShouldContain("16:9");
    }

    [Fact]
    public void Audio_off_is_sent_to_models_with_a_toggle_and_priced_accordingly()
    {
        var fitted = Fit("veo3", new VideoSettings { DurationSeconds = 4, Audio = false });
        fitted.Arguments["generate_audio"]!.GetValue<bool>().ShouldBeFalse();
        fitted.Settings.Audio.ShouldBeFalse();
        CostEstimator.ForVideo(fitted.Model, fitted.Settings).Usd.ShouldBe(0.80m);
    }

    [Fact]
    public void Ltx_over_ten_seconds_is_forced_to_1080p_as_fal_requires()
    {
        var fitted = Fit("ltx", new VideoSettings { DurationSeconds = 12, Resolution = "1440p" });
        fitted.Arguments["resolution"]!.GetValue<string>().ShouldBe("1080p");
        fitted.Settings.Resolution.ShouldBe("1080p");
        Should.Throw<UnsupportedSettingException>(() => Fit("ltx", new VideoSettings { DurationSeconds = 12, Resolution = "1440p" }, FitPolicy.Exact))
            .Message.ShouldContain("fps 25 and resolution 1080p");
    }

    [Fact]
    public void Defaults_are_not_sent_but_are_used_for_pricing()
    {
        var fitted = Fit("luma", new VideoSettings());
        fitted.Arguments.Select(p => p.Key).ShouldBe(["prompt", "image_url", "duration"]);
        fitted.Settings.Resolution.ShouldBe("540p");
        fitted.Settings.DurationSeconds.ShouldBe(5);
    }
}
