using System.Text;
using Catwalk.Catalog;
using Catwalk.Catalog.Import;

namespace Catwalk.Core.Tests.Catalog;

/// <summary>
/// The image-stage facts a planner reads from the catalog: reference limits, try-on fields (person, garment, garments
/// per call, garment kinds and fal's words for them) and whether a prompt can ask for an angle; each checked at load.
/// </summary>
public class ImageStageCatalogTests
{
    private static string Fixture => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "image-stage-models.json"));

    private static ModelCatalog Load(string json) => ModelCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "mine.json");

    [Fact]
    public void The_built_in_catalog_has_the_new_image_stages_with_their_published_facts()
    {
        var c = ModelCatalog.BuiltIn;
        c.Get("nano-banana-pro-edit").EndpointId.ShouldBe("fal-ai/nano-banana-pro/edit");
        c.Get("seedream-edit").ReferenceImages!.Max.ShouldBe(10);
        c.Get("flux-kontext-multi").Price.Usd.ShouldBe(0.08m);
        c.Get("qwen-edit-plus").Inputs.ImageSize.ShouldBe("image_size");

        var fashn = c.Get("fashn-tryon");
        fashn.TryOn.ShouldNotBeNull();
        (fashn.TryOn.PersonField, fashn.TryOn.GarmentField, fashn.TryOn.GarmentsPerCall).ShouldBe(("model_image", "garment_image", 1));
        fashn.TryOn.Categories.ShouldBe([GarmentCategory.Top, GarmentCategory.Bottom, GarmentCategory.OnePiece]);
        fashn.TryOn.CategoryValues[GarmentCategory.OnePiece].ShouldBe("one-pieces");
        fashn.Inputs.Prompt.ShouldBeNull();
        fashn.MaxReferenceImages.ShouldBe(2);

        var kolors = c.Get("kolors-tryon");
        (kolors.TryOn!.PersonField, kolors.TryOn.CategoryField).ShouldBe(("human_image_url", null));
        kolors.Output.Media.ShouldBe(OutputMedia.Image);

        c.Models.Where(m => m.IsTryOn).ShouldAllBe(m => !m.CanTakeAngleInstruction);
        new[] { "nano-banana-edit", "nano-banana-pro-edit", "seedream-edit", "flux-kontext-multi", "qwen-edit-plus" }.ShouldAllBe(k => c.Get(k).CanTakeAngleInstruction);
        c.Models.Where(m => !m.IsVideo && m.Key != "nano-banana" && m.Key != "nano-banana-edit").ShouldAllBe(m => m.Source != null && m.Source.Contains("fal"));
    }

    [Fact]
    public void A_try_on_and_a_multi_image_model_are_added_purely_as_data_and_survive_being_written_back()
    {
        var catalog = Load(Fixture);
        var tryOn = catalog.Get("my-tryon");
        tryOn.TryOn!.CategoryValues[GarmentCategory.Bottom].ShouldBe("lower_body");
        tryOn.CanTakeAngleInstruction.ShouldBeFalse();
        catalog.Get("my-multi").MaxReferenceImages.ShouldBe(5);
        catalog.Get("my-multi").CanTakeAngleInstruction.ShouldBeTrue("an edit model with a prompt can, unless its entry says otherwise");

        // `models add`/`sync --apply` write entries without defaults: a null prompt and the try-on fields must come back.
        var written = new System.Text.Json.Nodes.JsonObject { ["version"] = 1, ["models"] = new System.Text.Json.Nodes.JsonArray([.. catalog.Models.Select(m => (System.Text.Json.Nodes.JsonNode)CatalogEntries.ToJson(m))]) };
        var again = Load(written.ToJsonString());
        again.Get("my-tryon").Inputs.Prompt.ShouldBeNull();
        again.Get("my-tryon").TryOn!.CategoryValues.ShouldBe(tryOn.TryOn.CategoryValues);
        (again.Get("my-tryon").TryOn!.PersonField, again.Get("my-tryon").TryOn!.AutoCategoryValue).ShouldBe(("person_url", "auto"));
        again.Get("my-tryon").Kind.ShouldBe(ModelKind.ImageEdit);
        again.Get("my-multi").ImageSizePresets["9:16"].ShouldBe("portrait_16_9");
    }

    [Theory]
    [InlineData("\"personField\": \"person_url\"", "\"personField\": \"photo_url\"", "tryOn.personField names 'photo_url', which is not in schema")]
    [InlineData("{ \"name\": \"garment_url\", \"type\": \"string\", \"required\": true, \"format\": \"media-url\" }", "{ \"name\": \"garment_url\", \"type\": \"string\", \"required\": true }", "tryOn.garmentField 'garment_url' must be a media-url field")]
    [InlineData("\"garmentsPerCall\": 1", "\"garmentsPerCall\": 0", "tryOn.garmentsPerCall must be at least 1, not 0")]
    [InlineData("\"garmentsPerCall\": 1", "\"garmentsPerCall\": 2", "tryOn.garmentsPerCall 2 needs a list garment field")]
    [InlineData("\"categories\": [\"top\", \"bottom\"]", "\"categories\": []", "tryOn.categories lists no garment kind")]
    [InlineData("\"bottom\": \"lower_body\"", "\"bottom\": \"legs\"", "tryOn.categoryValues.bottom is 'legs', which is not one of category's values")]
    [InlineData(", \"bottom\": \"lower_body\" }", " }", "tryOn.categoryValues has no value for 'bottom'")]
    [InlineData("\"autoCategoryValue\": \"auto\"", "\"autoCategoryValue\": \"detect\"", "tryOn.autoCategoryValue 'detect' is not one of category's values")]
    [InlineData("\"categoryField\": \"category\",", "\"categoryField\": \"kind\",", "tryOn.categoryField names 'kind', which is not in schema")]
    [InlineData("\"angleInstruction\": false", "\"angleInstruction\": true", "a try-on model keeps the person's pose: angleInstruction cannot be true")]
    [InlineData("\"inputs\": { \"prompt\": null, \"seed\": \"seed\" }", "\"inputs\": { \"prompt\": null, \"images\": \"garment_url\" }", "a try-on model takes its pictures in tryOn.personField and tryOn.garmentField, not inputs.images")]
    [InlineData("\"kind\": \"image-edit\",\n      \"inputs\": { \"prompt\": null", "\"kind\": \"text-to-image\",\n      \"inputs\": { \"prompt\": null", "tryOn needs kind image-edit")]
    [InlineData("\"referenceImages\": { \"max\": 5 }", "\"referenceImages\": { \"max\": 0 }", "referenceImages.max must be at least 1, not 0")]
    [InlineData("\"inputs\": { \"prompt\": \"prompt\", \"images\": \"image_urls\"", "\"inputs\": { \"prompt\": null, \"images\": \"image_urls\"", "only a try-on model may take no prompt")]
    [InlineData("\"9:16\": \"portrait_16_9\"", "\"9:16\": \"portrait_3_4\"", "imageSizePresets.9:16 is 'portrait_3_4', which is not one of image_size's values")]
    [InlineData("\"9:16\": \"portrait_16_9\"", "\"tall\": \"portrait_16_9\"", "imageSizePresets has 'tall', which is not an aspect ratio W:H")]
    public void A_broken_image_stage_entry_is_refused_naming_the_model_and_the_field(string from, string to, string expected)
    {
        Fixture.ShouldContain(from, Case.Sensitive, "the test must change the fixture");
        var error = Should.Throw<CatalogException>(() => Load(Fixture.Replace(from, to)));
        error.Message.ShouldStartWith("Catalog 'mine.json', model 'my-");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_multi_image_limit_without_an_image_list_is_refused()
    {
        var json = Fixture.Replace("\"referenceImages\": { \"max\": 5 },", "").Replace("\"angleInstruction\": false,", "\"angleInstruction\": false, \"referenceImages\": { \"max\": 2 },");
        var error = Should.Throw<CatalogException>(() => Load(json));
        error.Message.ShouldContain("model 'my-tryon'");
        error.Message.ShouldContain("referenceImages needs inputs.images");
    }

    [Fact]
    public void A_garment_kind_Catwalk_does_not_know_is_refused_naming_the_catalog()
    {
        var error = Should.Throw<CatalogException>(() => Load(Fixture.Replace("\"categories\": [\"top\", \"bottom\"]", "\"categories\": [\"top\", \"hat\"]")));
        error.Message.ShouldContain("'mine.json' is not valid");
    }

    [Fact]
    public void Garment_kinds_are_written_and_read_as_their_kebab_case_words()
    {
        GarmentCategory.OnePiece.Name().ShouldBe("one-piece");
        GarmentCategoryNames.Parse("one-piece").ShouldBe(GarmentCategory.OnePiece);
        GarmentCategoryNames.Parse("Top").ShouldBe(GarmentCategory.Top);
        GarmentCategoryNames.Parse("hat").ShouldBeNull();
    }

    [Fact]
    public void Sync_cannot_take_over_a_schema_that_lost_a_try_on_models_person_or_garment_field()
    {
        var fashn = ModelCatalog.BuiltIn.Get("fashn-tryon");
        var without = fashn.Schema.Where(f => f.Name != "garment_image").ToList();
        Should.Throw<UnusableModelException>(() => CatalogDrift.Apply(fashn, without, null)).Message.ShouldContain("fal no longer takes garment_image");

        var applied = CatalogDrift.Apply(fashn, [.. fashn.Schema.Where(f => f.Name != "mode")], null);
        applied["tryOn"]!["personField"]!.GetValue<string>().ShouldBe("model_image");
        applied["inputs"]!.AsObject().TryGetPropertyValue("prompt", out var prompt).ShouldBeTrue("a try-on entry keeps saying it takes no prompt");
        prompt.ShouldBeNull();
    }
}
