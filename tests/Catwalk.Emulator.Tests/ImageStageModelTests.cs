using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Generation;
using Catwalk.Testing;
using SkiaSharp;

namespace Catwalk.Emulator.Tests;

/// <summary>
/// The image stages added for dressing a person (multi-image edits and virtual try-ons), each through the emulator over
/// loopback HTTP with Catwalk's real fal client: the image fal's schema implies, told apart from the other models'
/// for the same look, the same for the same input, refused as fal refuses a bad input, and priced from the catalog.
/// </summary>
public class ImageStageModelTests
{
    private static readonly string[] MultiImage = ["nano-banana-edit", "nano-banana-pro-edit", "seedream-edit", "flux-kontext-multi", "qwen-edit-plus"];
    private static readonly string[] TryOns = ["fashn-tryon", "kolors-tryon"];

    [Theory]
    [InlineData("nano-banana-pro-edit", null, 836, 1254, "image/png")] // aspect "auto": the person's 2:3 at 1K's pixel count
    [InlineData("seedream-edit", null, 2048, 2048, "image/png")]       // fal's default image_size
    [InlineData("seedream-edit", "9:16", 720, 1280, "image/png")]      // portrait_16_9 (576×1024) raised to Seedream's 921600 pixels
    [InlineData("flux-kontext-multi", null, 1024, 1024, "image/jpeg")] // Kontext answers JPEG unless asked otherwise
    [InlineData("qwen-edit-plus", "3:4", 768, 1024, "image/png")]      // portrait_4_3
    [InlineData("fashn-tryon", null, 864, 1296, "image/png")]          // FASHN's published output size
    [InlineData("kolors-tryon", null, 256, 384, "image/png")]          // no published size: the person picture's
    public async Task Each_new_model_returns_a_real_image_of_the_size_its_schema_implies(string key, string? aspect, int width, int height, string contentType)
    {
        await using var h = await ImageStageHarness.StartAsync();
        var (request, _) = await LookAsync(h, key);

        var response = await h.Generator(key).GenerateAsync(request, new ImageGenerationOptions { AspectRatio = aspect });

        var image = response.Images.ShouldHaveSingleItem();
        var bytes = await h.E.Http.GetByteArrayAsync(image.Url);
        ImageSniffer.ContentType(bytes).ShouldBe(contentType);
        image.ContentType.ShouldBe(contentType);
        using var bitmap = SKBitmap.Decode(bytes);
        (bitmap.Width, bitmap.Height).ShouldBe((width, height));
        (image.Width, image.Height).ShouldBe((width, height));
        h.E.Emulator.GetStats().Endpoints[ModelCatalog.BuiltIn.Get(key).EndpointId].Submissions.ShouldBe(1);
    }

    [Fact]
    public async Task One_look_dressed_by_every_image_model_gives_images_that_differ_and_each_model_gives_the_same_image_again()
    {
        var first = await RenderAllAsync();
        var again = await RenderAllAsync(); // a new emulator with an empty render cache: rendered afresh

        foreach (var key in first.Keys)
            again[key].ShouldBe(first[key], $"{key} rendered the same input differently");
        var keys = first.Keys.ToList();
        for (var i = 0; i < keys.Count; i++)
            for (var j = i + 1; j < keys.Count; j++)
                MeanDifference(first[keys[i]], first[keys[j]]).ShouldBeGreaterThan(12, $"{keys[i]} and {keys[j]} look alike");
    }

    [Theory]
    [InlineData("fashn-tryon", null, "tops")]          // fal detects the kind ("auto"); drawn as a top
    [InlineData("fashn-tryon", GarmentCategory.Bottom, "bottoms")]
    [InlineData("kolors-tryon", GarmentCategory.Bottom, null)] // Kolors takes no category: it reads the garment itself
    public async Task A_try_on_is_the_person_with_the_garment_laid_over_the_region_its_kind_covers(string key, GarmentCategory? category, string? sentCategory)
    {
        await using var h = await ImageStageHarness.StartAsync();
        var person = await h.E.UploadAsync(ImageStageHarness.Solid(256, 384, new SKColor(30, 60, 200)));
        var garment = await h.E.UploadAsync(ImageStageHarness.Solid(200, 200, new SKColor(220, 30, 30)));

        var response = await h.Generator(key).GenerateAsync(
            new ImageGenerationRequest("dress her", [person, garment]) { Roles = [ReferenceRole.Person, ReferenceRole.Outfit] },
            new ImageGenerationOptions { GarmentCategory = category });

        response.Arguments["category"]?.GetValue<string>().ShouldBe(sentCategory);
        response.Arguments.ContainsKey("prompt").ShouldBeFalse("a try-on model takes no prompt");
        using var bitmap = SKBitmap.Decode(await h.E.Http.GetByteArrayAsync(response.Images.Single().Url));
        var body = bitmap.Height * 0.9f; // the label strip is below
        var (torso, legs) = (bitmap.GetPixel(bitmap.Width / 2, (int)(body * 0.36)), bitmap.GetPixel(bitmap.Width / 2, (int)(body * 0.72)));
        var bottom = category == GarmentCategory.Bottom && key == "fashn-tryon";
        IsRed(bottom ? legs : torso).ShouldBeTrue($"the garment is on the {(bottom ? "legs" : "torso")}: {torso} / {legs}");
        IsBlue(bottom ? torso : legs).ShouldBeTrue($"the person shows elsewhere: {torso} / {legs}");
        IsBlue(bitmap.GetPixel(bitmap.Width / 2, (int)(body * 0.14))).ShouldBeTrue("the head is the person's");
    }

    [Theory]
    [InlineData("fashn-tryon", "garment_image", null, "missing")]
    [InlineData("fashn-tryon", "category", "\"shirts\"", "literal_error")]
    [InlineData("fashn-tryon", "num_samples", "5", "less_than_equal")]
    [InlineData("kolors-tryon", "human_image_url", "5", "string_type")]
    [InlineData("seedream-edit", "num_images", "7", "less_than_equal")]
    [InlineData("seedream-edit", "image_size", "\"portrait_3_4\"", "literal_error")]
    [InlineData("flux-kontext-multi", "guidance_scale", "\"high\"", "float_type")]
    [InlineData("flux-kontext-multi", "safety_tolerance", "\"7\"", "literal_error")]
    [InlineData("qwen-edit-plus", "image_urls", null, "missing")]
    [InlineData("qwen-edit-plus", "num_inference_steps", "1.5", "int_from_float")]
    [InlineData("nano-banana-pro-edit", "resolution", "\"8K\"", "literal_error")]
    [InlineData("nano-banana-pro-edit", "prompt", null, "missing")]
    public async Task A_bad_input_is_refused_as_fal_refuses_it_naming_the_field(string key, string field, string? value, string type)
    {
        await using var h = await ImageStageHarness.StartAsync();
        var model = ModelCatalog.BuiltIn.Get(key);
        var input = await ValidInputAsync(h, model);
        if (value is null) input.Remove(field); else input[field] = JsonNode.Parse(value);

        var (status, submitted) = await h.E.SubmitAsync(model.EndpointId, input);
        status.ShouldBe(200, "fal's queue takes any JSON object; the model refuses it");
        var (resultStatus, body, _) = await h.E.WaitForResultResponseAsync(submitted);

        resultStatus.ShouldBe(422, body.ToJsonString());
        var problem = body["detail"]!.AsArray().ShouldHaveSingleItem()!;
        problem["loc"]!.AsArray().Select(l => l!.ToString()).ShouldBe(["body", field]);
        problem["type"]!.GetValue<string>().ShouldBe(type);
    }

    [Fact]
    public async Task What_a_model_cannot_take_is_refused_before_anything_is_sent()
    {
        await using var h = await ImageStageHarness.StartAsync();
        var urls = new List<string>();
        for (var i = 0; i < 11; i++) urls.Add(await h.E.UploadAsync(TestImages.Png(64, 96, seed: i)));

        var twoGarments = new ImageGenerationRequest("", urls[..3]) { Roles = [ReferenceRole.Person, ReferenceRole.Outfit, ReferenceRole.Outfit] };
        (await Should.ThrowAsync<UnsupportedSettingException>(() => h.Generator("fashn-tryon").GenerateAsync(twoGarments)))
            .Message.ShouldBe("FASHN Try-On v1.6 (fashn-tryon) dresses 1 garment per call, not 2: give one garment picture (a run chains one call per garment).");
        (await Should.ThrowAsync<UnsupportedSettingException>(() => h.Generator("fashn-tryon").GenerateAsync(twoGarments with { References = urls[..2], Roles = [ReferenceRole.Person, ReferenceRole.Outfit] },
            new ImageGenerationOptions { GarmentCategory = GarmentCategory.Shoes }))).Message.ShouldContain("dresses top, bottom, one-piece garments, not shoes");
        (await Should.ThrowAsync<UnsupportedSettingException>(() => h.Generator("seedream-edit").GenerateAsync(new ImageGenerationRequest("dress her", urls))))
            .Message.ShouldContain("takes at most 10 reference images per call, not 11");
        (await Should.ThrowAsync<UnsupportedSettingException>(() => h.Generator("qwen-edit-plus").GenerateAsync(new ImageGenerationRequest("dress her", urls[..2]), new ImageGenerationOptions { AspectRatio = "5:4" })))
            .Message.ShouldContain("takes aspect ratios 1:1, 3:4, 9:16, 4:3, 16:9, not 5:4");
        h.Submissions.ShouldBe(0);
    }

    [Fact]
    public async Task A_try_on_is_sent_the_person_and_the_garment_by_their_roles_and_no_face()
    {
        await using var h = await ImageStageHarness.StartAsync();
        var (person, face, garment) = (await h.E.UploadAsync(TestImages.Png(256, 384, seed: 1)), await h.E.UploadAsync(TestImages.Png(128, 128, seed: 2)), await h.E.UploadAsync(TestImages.Png(200, 240, seed: 3)));

        // A run's references are person, face, outfits: the try-on takes the person and the garment, and its person carries the face.
        var response = await h.Generator("kolors-tryon").GenerateAsync(
            new ImageGenerationRequest("dress her", [person, face, garment]) { Roles = [ReferenceRole.Person, ReferenceRole.Face, ReferenceRole.Outfit] });

        response.Arguments.Select(a => a.Key).ShouldBe(["human_image_url", "garment_image_url"], ignoreOrder: true);
        (response.Arguments["human_image_url"]!.GetValue<string>(), response.Arguments["garment_image_url"]!.GetValue<string>()).ShouldBe((person, garment));
    }

    [Fact]
    public async Task The_pricing_api_prices_the_new_models_from_the_catalog()
    {
        await using var h = await ImageStageHarness.StartAsync();
        var models = MultiImage.Concat(TryOns).Select(ModelCatalog.BuiltIn.Get).ToList();
        var body = await h.E.Http.GetFromJsonAsync<JsonObject>(h.E.Url($"v1/models/pricing?endpoint_id={string.Join(',', models.Select(m => m.EndpointId))}"));
        var prices = body!["prices"]!.AsArray().ToDictionary(p => p!["endpoint_id"]!.GetValue<string>(), p => p!);
        foreach (var model in models)
        {
            prices[model.EndpointId]["unit_price"]!.GetValue<decimal>().ShouldBe(model.Price.Usd!.Value);
            prices[model.EndpointId]["unit"]!.GetValue<string>().ShouldBe("images");
        }
        prices["fal-ai/fashn/tryon/v1.6"]["unit_price"]!.GetValue<decimal>().ShouldBe(0.075m);
    }

    [Fact]
    public async Task Kolors_answers_with_one_image_object_and_its_openapi_says_so()
    {
        await using var h = await ImageStageHarness.StartAsync();
        var model = ModelCatalog.BuiltIn.Get("kolors-tryon");
        var (_, submitted) = await h.E.SubmitAsync(model.EndpointId, await ValidInputAsync(h, model));
        var result = await h.E.WaitForResultAsync(submitted);
        result.ContainsKey("images").ShouldBeFalse();
        result["image"]!["content_type"]!.GetValue<string>().ShouldBe("image/png");

        var listing = await h.E.Http.GetFromJsonAsync<JsonObject>(h.E.Url($"v1/models?endpoint_id={model.EndpointId}&expand=openapi-3.0"));
        var schemas = listing!["models"]![0]!["openapi"]!["components"]!["schemas"]!;
        schemas["KlingV15KolorsVirtualTryOnOutput"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["image"]);
        schemas["KlingV15KolorsVirtualTryOnInput"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["human_image_url", "garment_image_url"]);
        listing["models"]![0]!["metadata"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldContain("try-on");
    }

    /// <summary>A look as the image stage sends it: person, face and outfit to an edit model; person and garment to a try-on.</summary>
    private static async Task<(ImageGenerationRequest Request, IReadOnlyList<string> Urls)> LookAsync(ImageStageHarness h, string key)
    {
        var person = await h.E.UploadAsync(TestImages.Png(256, 384, seed: 1));
        var face = await h.E.UploadAsync(TestImages.Png(128, 128, seed: 2));
        var outfit = await h.E.UploadAsync(TestImages.Png(200, 240, seed: 3));
        return ModelCatalog.BuiltIn.Get(key).IsTryOn
            ? (new ImageGenerationRequest("dress the person", [person, outfit]) { Roles = [ReferenceRole.Person, ReferenceRole.Outfit] }, [person, outfit])
            : (new ImageGenerationRequest("dress the person in the outfit, full body", [person, face, outfit]) { Roles = [ReferenceRole.Person, ReferenceRole.Face, ReferenceRole.Outfit] }, [person, face, outfit]);
    }

    /// <summary>Every image model's image for one look, as pixels of a common size (so they can be compared).</summary>
    private static async Task<Dictionary<string, byte[]>> RenderAllAsync()
    {
        await using var h = await ImageStageHarness.StartAsync();
        var pixels = new Dictionary<string, byte[]>();
        foreach (var key in MultiImage.Concat(TryOns))
        {
            var (request, _) = await LookAsync(h, key);
            var response = await h.Generator(key).GenerateAsync(request);
            using var bitmap = SKBitmap.Decode(await h.E.Http.GetByteArrayAsync(response.Images.Single().Url));
            using var small = bitmap.Resize(new SKImageInfo(48, 72, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear));
            pixels[key] = small.Bytes;
        }
        return pixels;
    }

    private static async Task<JsonObject> ValidInputAsync(ImageStageHarness h, ModelDescriptor model)
    {
        var image = await h.E.UploadAsync(TestImages.Png(256, 384));
        var input = new JsonObject();
        if (model.Inputs.Prompt is { } prompt) input[prompt] = "dress the person in the outfit";
        if (model.Inputs.Images is { } images) input[images] = new JsonArray(image, image);
        if (model.TryOn is { } tryOn) (input[tryOn.PersonField], input[tryOn.GarmentField]) = (image, image);
        return input;
    }

    /// <summary>Mean absolute difference of two same-size RGBA pixel buffers, 0–255 (alpha left out).</summary>
    private static double MeanDifference(byte[] a, byte[] b) =>
        Enumerable.Range(0, a.Length).Where(i => i % 4 != 3).Average(i => Math.Abs(a[i] - b[i]));

    private static bool IsRed(SKColor c) => c.Red > 150 && c.Green < 90 && c.Blue < 90;

    private static bool IsBlue(SKColor c) => c.Blue > 150 && c.Red < 90;
}
