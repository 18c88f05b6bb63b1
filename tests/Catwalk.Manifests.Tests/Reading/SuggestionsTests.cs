using Catwalk.Manifests.Reading;

namespace Catwalk.Manifests.Tests.Reading;

public class SuggestionsTests
{
    private static readonly string[] Known = ["models", "durations", "per_endpoint", "image_aspect_ratio", "seed"];

    [Theory]
    [InlineData("modles", "models")]
    [InlineData("Models", "models")]
    [InlineData("duration", "durations")]
    [InlineData("per-endpoint", "per_endpoint")]
    [InlineData("imageAspectRatio", "image_aspect_ratio")]
    [InlineData("sed", "seed")]
    public void A_typo_or_another_case_style_finds_the_field(string word, string expected) => Suggestions.Closest(word, Known).ShouldBe(expected);

    [Theory]
    [InlineData("colour")]
    [InlineData("x")]
    public void A_word_far_from_every_field_finds_none(string word) => Suggestions.Closest(word, Known).ShouldBeNull();
}
