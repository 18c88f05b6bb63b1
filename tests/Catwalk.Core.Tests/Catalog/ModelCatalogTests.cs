using System.Text;
using Catwalk.Catalog;

namespace Catwalk.Core.Tests.Catalog;

public class ModelCatalogTests
{
    [Fact]
    public void Built_in_catalog_has_the_eight_video_models_and_both_image_models()
    {
        var catalog = ModelCatalog.BuiltIn;
        catalog.VideoModels.Select(m => m.Key).ShouldBe(["veo3", "ltx", "kling", "grok", "luma", "pika", "seedance", "hunyuan"]);
        catalog.Get("nano-banana-edit").Kind.ShouldBe(ModelKind.ImageEdit);
        catalog.Get("nano-banana").Kind.ShouldBe(ModelKind.TextToImage);
    }

    [Theory]
    [InlineData("veo3", "fal-ai/veo3")]
    [InlineData("seedance", "fal-ai/bytedance")]
    [InlineData("grok", "xai/grok-imagine-video")]
    [InlineData("nano-banana-edit", "fal-ai/nano-banana")]
    [InlineData("nano-banana", "fal-ai/nano-banana")]
    public void Owner_app_is_the_first_two_segments_of_the_endpoint(string key, string ownerApp) =>
        ModelCatalog.BuiltIn.Get(key).OwnerApp.ShouldBe(ownerApp);

    [Fact]
    public void Kling_takes_its_image_as_start_image_url() =>
        ModelCatalog.BuiltIn.Get("kling").Inputs.Image.ShouldBe("start_image_url");

    [Fact]
    public void Models_are_found_by_key_in_any_case_or_by_endpoint_id()
    {
        ModelCatalog.BuiltIn.Find("VEO3")!.Key.ShouldBe("veo3");
        ModelCatalog.BuiltIn.Find("fal-ai/pika/v2.2/image-to-video")!.Key.ShouldBe("pika");
    }

    [Fact]
    public void Resolving_all_gives_every_video_model_and_a_list_keeps_order_without_repeats()
    {
        ModelCatalog.BuiltIn.ResolveVideoModels("all").Count.ShouldBe(8);
        ModelCatalog.BuiltIn.ResolveVideoModels("luma, veo3,luma").Select(m => m.Key).ShouldBe(["luma", "veo3"]);
    }

    [Fact]
    public void An_unknown_key_is_refused_with_the_known_keys()
    {
        var error = Should.Throw<UnknownModelException>(() => ModelCatalog.BuiltIn.ResolveVideoModels("veo3,sora"));
        error.Message.ShouldContain("Unknown model 'sora'");
        error.Message.ShouldContain("veo3, ltx, kling");
    }

    [Fact]
    public void An_image_model_is_not_accepted_as_a_video_model() =>
        Should.Throw<UnknownModelException>(() => ModelCatalog.BuiltIn.ResolveVideoModels("nano-banana")).Message.ShouldContain("image model");

    [Fact]
    public void A_ninth_video_model_is_added_purely_as_data()
    {
        var catalog = ModelCatalog.WithFiles([Path.Combine(AppContext.BaseDirectory, "Fixtures", "ninth-model.json")]);
        catalog.VideoModels.Count().ShouldBe(9);
        var wan = catalog.Get("wan");
        wan.OwnerApp.ShouldBe("fal-ai/wan");
        var fitted = VideoRequestFitter.Fit(wan, "walk", "https://x/y.png", new VideoSettings { DurationSeconds = 4 }, FitPolicy.Nearest);
        fitted.Arguments["seconds"]!.GetValue<string>().ShouldBe("5");
        CostEstimator.ForVideo(wan, fitted.Settings).Usd.ShouldBe(0.05m);
    }

    [Fact]
    public void A_catalog_entry_with_a_same_key_replaces_the_built_in_one()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ninth-model.json")).Replace("\"key\": \"wan\"", "\"key\": \"pika\"");
        var merged = ModelCatalog.BuiltIn.Merge(ModelCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "override"));
        merged.VideoModels.Count().ShouldBe(8);
        merged.Get("pika").EndpointId.ShouldBe("fal-ai/wan/v2.2/image-to-video");
    }

    [Theory]
    [InlineData("\"endpointId\": \"fal-ai/wan/v2.2/image-to-video\"", "\"endpointId\": \"wan\"", "endpointId 'wan' is not owner/app")]
    [InlineData("\"default\": 5 }", "\"default\": 4 }", "duration.default 4 is not an allowed duration")]
    [InlineData("\"image\": \"image_url\"", "\"image\": \"img\"", "inputs.image names 'img', which is not in schema")]
    [InlineData("\"usd\": 0.01", "\"usdd\": 0.01", "price basis PerSecond needs usd")]
    public void A_broken_entry_is_refused_naming_the_model_and_the_field(string from, string to, string expected)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ninth-model.json")).Replace(from, to);
        var error = Should.Throw<CatalogException>(() => ModelCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "mine.json"));
        error.Message.ShouldContain("'mine.json', model 'wan'");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Output_media_reads_from_its_catalog_word_and_is_written_back_as_the_same_word()
    {
        foreach (var model in ModelCatalog.BuiltIn.Models)
        {
            // Kling's Kolors try-on is the one model whose result is a single {"image": File}.
            var (media, word) = model.IsVideo ? (OutputMedia.Video, "video") : model.Key == "kolors-tryon" ? (OutputMedia.Image, "image") : (OutputMedia.Images, "images");
            model.Output.Media.ShouldBe(media);
            Catwalk.Catalog.Import.CatalogEntries.ToJson(model)["output"]!["media"]!.GetValue<string>().ShouldBe(word);
        }
    }

    [Fact]
    public void An_output_media_it_does_not_know_is_refused_naming_the_catalog()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ninth-model.json")).Replace("\"media\": \"video\"", "\"media\": \"hologram\"");
        var error = Should.Throw<CatalogException>(() => ModelCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "mine.json"));
        error.Message.ShouldContain("'mine.json' is not valid");
    }

    [Fact]
    public void Malformed_json_is_refused_with_its_line()
    {
        var error = Should.Throw<CatalogException>(() => ModelCatalog.Load(new MemoryStream("{\n \"models\": [ {\n ,]}"u8.ToArray()), "bad.json"));
        error.Message.ShouldContain("bad.json");
        error.Message.ShouldContain("line 3");
    }

    [Fact]
    public void A_missing_catalog_file_is_named() =>
        Should.Throw<CatalogException>(() => ModelCatalog.LoadFile("/nowhere/cat.json")).Message.ShouldContain("/nowhere/cat.json");
}
