using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Catalog.Import;

namespace Catwalk.Core.Tests;

/// <summary>A catalog entry inferred from a fal queue OpenAPI document (fal's layout: POST at the endpoint id, input through $ref).</summary>
public class OpenApiModelImporterTests
{
    private const string Id = "acme/motion/v1/image-to-video";

    private static JsonObject Document(string properties, string required = "[\"prompt\", \"image_url\"]", string output = "{\"video\": {\"$ref\": \"#/components/schemas/File\"}}") => JsonNode.Parse($$"""
        {
          "openapi": "3.0.4",
          "paths": {
            "/{{Id}}": { "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/MotionV1ImageToVideoInput" } } } } } },
            "/{{Id}}/requests/{request_id}": { "get": { "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Out" } } } } } } }
          },
          "components": { "schemas": {
            "MotionV1ImageToVideoInput": { "type": "object", "required": {{required}}, "properties": {{properties}} },
            "Out": { "type": "object", "properties": {{output}} },
            "File": { "type": "object", "properties": { "url": { "type": "string" } } },
            "ImageSize": { "type": "object", "properties": { "width": { "type": "integer" } } }
          } }
        }
        """)!.AsObject();

    private static ModelDescriptor Load(ImportedModel imported)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["version"] = 1, ["models"] = new JsonArray(imported.Entry.DeepClone()) }.ToJsonString()));
        return ModelCatalog.Load(stream, "test").Models.Single();
    }

    [Fact]
    public void A_string_duration_enum_stays_strings_and_resolution_aspect_audio_seed_and_price_are_read()
    {
        var imported = OpenApiModelImporter.Import("motion", Id, "Motion", "image-to-video", Document("""
            {
              "prompt": { "type": "string", "maxLength": 1500 },
              "image_url": { "type": "string" },
              "duration": { "type": "string", "enum": ["5", "10"], "default": "5" },
              "resolution": { "type": "string", "enum": ["720p", "1080p"], "default": "1080p" },
              "aspect_ratio": { "anyOf": [ { "type": "string", "enum": ["16:9", "9:16"] }, { "type": "null" } ], "default": "16:9" },
              "generate_audio": { "type": "boolean", "default": false },
              "seed": { "anyOf": [ { "type": "integer" }, { "type": "null" } ] },
              "image_size": { "anyOf": [ { "$ref": "#/components/schemas/ImageSize" }, { "type": "null" } ] }
            }
            """, output: """{"video": {"$ref": "#/components/schemas/File"}, "seed": {"type": "integer"}}"""), new PublishedPrice(0.08m, "seconds", new DateOnly(2026, 12, 1)));
        var model = Load(imported);
        model.Duration!.Format.ShouldBe(DurationFormat.String);
        model.Duration.Allowed.ShouldBe([5, 10]);
        model.Duration.ToArgument(10).ToJsonString().ShouldBe("\"10\"");
        model.Resolutions.ShouldBe(["720p", "1080p"]);
        model.DefaultResolution.ShouldBe("1080p");
        model.AspectRatios.ShouldBe(["16:9", "9:16"]);
        model.DefaultAspectRatio.ShouldBe("16:9");
        model.Inputs.Audio.ShouldBe("generate_audio");
        model.Audio.ShouldBe(new AudioSpec { Generates = true, Default = false });
        model.Inputs.Seed.ShouldBe("seed");
        model.Output.IncludesSeed.ShouldBeTrue();
        model.Price.Basis.ShouldBe(PriceBasis.PerSecond);
        model.Price.Usd.ShouldBe(0.08m);
        model.Price.Verified.ShouldBeTrue();
        model.Price.Note!.ShouldContain("2026-12-01");
        model.Field("image_url")!.Format.ShouldBe("media-url");
        model.Field("prompt")!.MaxLength.ShouldBe(1500);
        model.Field("image_size").ShouldBeNull(); // an object Catwalk never sends
        imported.Inferred.ShouldContain(l => l.StartsWith("duration: duration as a JSON string, 5/10 s"));
    }

    [Fact]
    public void A_frame_count_duration_becomes_seconds_at_the_models_fps()
    {
        var model = Load(OpenApiModelImporter.Import("frames", Id, null, "image-to-video", Document("""
            { "prompt": { "type": "string" }, "image_url": { "type": "string" },
              "num_frames": { "type": "integer", "minimum": 9, "maximum": 161, "default": 121 }, "frames_per_second": { "type": "integer", "default": 32 } }
            """), null));
        model.Duration!.Format.ShouldBe(DurationFormat.Frames);
        model.Duration.FramesPerSecond.ShouldBe(32);
        model.Duration.Maximum.ShouldBe(5);
        model.Duration.ToArgument(5).GetValue<int>().ShouldBe(161);
        model.Price.Verified.ShouldBeFalse();
        model.Price.Usd.ShouldBe(0m);
    }

    [Fact]
    public void An_integer_range_duration_and_a_per_video_price_are_kept_as_such()
    {
        var model = Load(OpenApiModelImporter.Import("range", Id, null, "image-to-video", Document("""
            { "prompt": { "type": "string" }, "start_image_url": { "type": "string" }, "duration": { "type": "integer", "minimum": 2, "maximum": 12, "default": 6 } }
            """, required: "[\"prompt\", \"start_image_url\"]"), new PublishedPrice(0.5m, "videos", new DateOnly(2026, 12, 1))));
        model.Inputs.Image.ShouldBe("start_image_url");
        (model.Duration!.Minimum, model.Duration.Maximum, model.Duration.Default, model.Duration.Format).ShouldBe((2, 12, 6, DurationFormat.Integer));
        model.Price.Basis.ShouldBe(PriceBasis.PerClip);
        model.Price.ClipSeconds.ShouldBe(6);
        CostEstimator.ForVideo(model, new ModelSettings(6, "720p", null, false, 24)).Usd.ShouldBe(0.5m);
    }

    [Fact]
    public void A_unit_catwalk_cannot_map_is_kept_as_an_estimate_and_said()
    {
        var imported = OpenApiModelImporter.Import("gpu", Id, null, "image-to-video", Document("""
            { "prompt": { "type": "string" }, "image_url": { "type": "string" }, "duration": { "type": "integer", "enum": [4, 8] } }
            """), new PublishedPrice(0.0011m, "compute_seconds", new DateOnly(2026, 12, 1)));
        var model = Load(imported);
        model.Price.Verified.ShouldBeFalse();
        model.Price.Note!.ShouldStartWith("≈");
        imported.Warnings.ShouldContain(w => w.Contains("'compute_seconds'"));
    }

    [Fact]
    public void An_image_edit_model_is_written_with_the_images_media_key_and_loads()
    {
        var imported = OpenApiModelImporter.Import("editor", Id, null, "image-edit", Document("""
            { "prompt": { "type": "string" }, "image_urls": { "type": "array", "items": { "type": "string" } } }
            """, required: "[\"prompt\", \"image_urls\"]", output: """{"images": {"type": "array", "items": {"$ref": "#/components/schemas/File"}}}"""), null);
        imported.Entry["output"]!["media"]!.GetValue<string>().ShouldBe("images");
        var model = Load(imported);
        model.Output.Media.ShouldBe(OutputMedia.Images);
        model.Output.IsVideo.ShouldBeFalse();
    }

    [Fact]
    public void A_video_model_is_written_with_the_video_media_key() =>
        OpenApiModelImporter.Import("clip", Id, null, "image-to-video", Document("""
            { "prompt": { "type": "string" }, "image_url": { "type": "string" }, "duration": { "type": "integer", "enum": [5] } }
            """), null).Entry["output"]!["media"]!.GetValue<string>().ShouldBe("video");

    [Theory]
    [InlineData("text-to-image", """{ "prompt": { "type": "string" }, "image_url": { "type": "string" }, "duration": { "type": "integer", "enum": [5] } }""", "a text-to-image model")]
    [InlineData("image-to-video", """{ "prompt": { "type": "string" }, "duration": { "type": "integer", "enum": [5] } }""", "takes no start image")]
    [InlineData("image-to-video", """{ "prompt": { "type": "string" }, "image_url": { "type": "string" } }""", "takes no duration")]
    [InlineData("image-to-video", """{ "image_url": { "type": "string" }, "duration": { "type": "integer", "enum": [5] } }""", "takes no prompt")]
    [InlineData("image-to-image", """{ "prompt": { "type": "string" }, "image_url": { "type": "string" } }""", "takes no image_urls list")]
    public void What_catwalk_cannot_drive_is_refused_with_the_reason(string category, string properties, string reason) =>
        Should.Throw<UnusableModelException>(() => OpenApiModelImporter.Import("x", Id, null, category, Document(properties, required: "[]"), null)).Message.ShouldContain(reason);

    [Theory]
    [InlineData("alibaba/happy-horse/image-to-video", "happy-horse")]
    [InlineData("fal-ai/kling-video/v2.5-turbo/standard/image-to-video", "kling-video-v2-5-turbo-standard")]
    [InlineData("fal-ai/flux-pro/kontext/edit", "flux-pro-kontext")]
    public void Keys_come_from_the_path_after_the_owner(string endpointId, string key) => OpenApiModelImporter.KeyFor(endpointId).ShouldBe(key);
}
