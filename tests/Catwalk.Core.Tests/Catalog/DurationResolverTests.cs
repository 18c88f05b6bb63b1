using Catwalk.Catalog;

namespace Catwalk.Core.Tests.Catalog;

public class DurationResolverTests
{
    private static ModelDescriptor Model(string key) => ModelCatalog.BuiltIn.Get(key);

    [Theory]
    [InlineData("veo3", 4, "\"4s\"")]
    [InlineData("veo3", 8, "\"8s\"")]
    [InlineData("ltx", 6, "6")]
    [InlineData("ltx", 20, "20")]
    [InlineData("kling", 10, "\"10\"")]
    [InlineData("grok", 1, "1")]
    [InlineData("grok", 15, "15")]
    [InlineData("luma", 9, "\"9s\"")]
    [InlineData("pika", 5, "5")]
    [InlineData("seedance", 7, "\"7\"")]
    [InlineData("hunyuan", 5, "121")]
    [InlineData("hunyuan", 2, "49")]
    public void An_allowed_duration_is_sent_in_the_models_own_form(string key, int seconds, string json)
    {
        var model = Model(key);
        DurationResolver.Resolve(model, seconds, FitPolicy.Exact).ShouldBe(new DurationChoice(seconds, seconds));
        model.Duration!.ToArgument(seconds).ToJsonString().ShouldBe(json);
        model.Duration.FromArgument(model.Duration.ToArgument(seconds))!.Value.ShouldBe(seconds, 0.05);
    }

    [Theory]
    [InlineData("veo3", 7, "4s, 6s, 8s")]
    [InlineData("veo3", 5, "4s, 6s, 8s")]
    [InlineData("ltx", 5, "6s, 8s")]
    [InlineData("kling", 6, "5s, 10s")]
    [InlineData("grok", 16, "1–15 s")]
    [InlineData("luma", 6, "5s, 9s")]
    [InlineData("pika", 8, "5s, 10s")]
    [InlineData("seedance", 3, "4s, 5s")]
    [InlineData("hunyuan", 6, "1–5 s")]
    public void A_duration_the_model_cannot_take_is_refused_naming_the_allowed_values(string key, int seconds, string allowed)
    {
        var error = Should.Throw<UnsupportedSettingException>(() => DurationResolver.Resolve(Model(key), seconds, FitPolicy.Exact));
        error.Message.ShouldContain($"cannot make a {seconds}s video");
        error.Message.ShouldContain(allowed);
        error.Setting.ShouldBe("duration");
    }

    [Theory]
    [InlineData("veo3", 7, 8)]  // tie between 6 and 8: the longer
    [InlineData("veo3", 5, 6)]  // tie between 4 and 6
    [InlineData("veo3", 3, 4)]
    [InlineData("kling", 7, 5)]
    [InlineData("kling", 8, 10)]
    [InlineData("luma", 7, 9)]  // tie between 5 and 9
    [InlineData("ltx", 5, 6)]
    [InlineData("ltx", 30, 20)]
    [InlineData("grok", 30, 15)]
    [InlineData("hunyuan", 8, 5)]
    public void Several_models_get_the_nearest_duration_with_ties_to_the_longer(string key, int asked, int expected)
    {
        var choice = DurationResolver.Resolve(Model(key), asked, FitPolicy.Nearest);
        choice.Seconds.ShouldBe(expected);
        choice.Adjusted.ShouldBeTrue();
    }

    [Fact]
    public void No_duration_asked_means_the_models_default() =>
        DurationResolver.Resolve(Model("veo3"), null, FitPolicy.Exact).ShouldBe(new DurationChoice(null, 8));

    [Fact]
    public void A_non_positive_duration_is_refused_whatever_the_policy() =>
        Should.Throw<UnsupportedSettingException>(() => DurationResolver.Resolve(Model("grok"), 0, FitPolicy.Nearest));
}
