using Catwalk.Manifests.Reading;

namespace Catwalk.Manifests.Tests.Reading;

public class IdsTests
{
    [Theory]
    [InlineData("Ana Smith", "ana-smith")]
    [InlineData("  --Ben__2 (copy)--", "ben__2-copy")]
    [InlineData("urban cafe, outdoor", "urban-cafe-outdoor")]
    [InlineData("日本", null)]
    public void Slugs_keep_letters_digits_dashes_and_underscores(string text, string? slug) => Ids.Slug(text).ShouldBe(slug);

    [Fact]
    public void A_slug_can_be_cut_short_without_a_trailing_dash() => Ids.Slug("walking towards the camera", 8).ShouldBe("walking");
}
