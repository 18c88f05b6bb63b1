using Catwalk.Catalog;
using Catwalk.Runs.Sharing;

namespace Catwalk.Runs.Tests.Sharing;

public sealed class ModelPaletteTests
{
    [Fact]
    public void Every_built_in_video_model_has_a_colour_of_its_own_and_so_has_every_image_model()
    {
        foreach (var video in new[] { true, false })
        {
            var keys = ModelCatalog.BuiltIn.Models.Where(m => m.IsVideo == video).Select(m => m.Key).ToList();
            keys.Count.ShouldBeGreaterThan(1);
            keys.Select(ModelPalette.Default.Of).Distinct(StringComparer.OrdinalIgnoreCase).Count().ShouldBe(keys.Count, string.Join(", ", keys.Select(k => $"{k} {ModelPalette.Default.Of(k)}")));
        }
    }

    [Fact]
    public void A_models_colour_does_not_depend_on_what_else_is_shown_and_an_unknown_key_always_gets_the_same()
    {
        var kling = ModelPalette.Default.Of("kling");
        ModelPalette.Default.Of("KLING").ShouldBe(kling);
        var custom = ModelPalette.Default.Of("my-own-model");
        custom.ShouldMatch("^#[0-9A-F]{6}$");
        ModelPalette.Default.Of("my-own-model").ShouldBe(custom);
        // Hashed keys spread over the hues rather than all landing on one.
        Enumerable.Range(0, 40).Select(i => ModelPalette.Default.Of($"model-{i}")).Distinct().Count().ShouldBeGreaterThan(6);
    }
}
