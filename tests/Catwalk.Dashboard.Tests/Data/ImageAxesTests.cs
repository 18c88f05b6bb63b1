using Catwalk.Dashboard.Data;
using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Dashboard.Tests.Data;

/// <summary>A job's image model and angle from its input image, its metadata or its input key — never from a look id that looks like an angle.</summary>
public sealed class ImageAxesTests
{
    private static JobRecord Job(string id, StageKind stage, string model, string key, string look, string? input = null, string? metadata = null) => new()
    {
        Id = id, RunId = "run", Stage = stage, ModelKey = model, EndpointId = $"fal-ai/{model}", InputKey = key, LookId = look, InputJobId = input, MetadataJson = metadata,
    };

    [Fact]
    public void A_video_takes_its_input_images_model_and_angle_before_its_metadata_is_written()
    {
        var image = Job("img", StageKind.Image, "seedream-edit", "ann/jacket/studio/back", "ann/jacket/studio");
        var video = Job("vid", StageKind.Video, "kling", "ann/jacket/studio/seedream-edit/back@5s", "ann/jacket/studio", input: "img");
        var jobs = new[] { image, video }.ToDictionary(j => j.Id);
        (ImageAxes.ImageModelOf(video, jobs), ImageAxes.AngleOf(video, jobs)).ShouldBe(("seedream-edit", "back"));
        (ImageAxes.ImageModelOf(image, jobs), ImageAxes.AngleOf(image, jobs)).ShouldBe(("seedream-edit", "back"));
    }

    [Fact]
    public void Without_its_image_a_video_reads_its_metadata_then_its_input_key()
    {
        var none = new Dictionary<string, JobRecord>();
        var described = Job("v1", StageKind.Video, "kling", "look@5s", "look", metadata: """{"look":{"angle":"side","image_model":"flux-kontext-multi"}}""");
        (ImageAxes.ImageModelOf(described, none), ImageAxes.AngleOf(described, none)).ShouldBe(("flux-kontext-multi", "side"));
        var keyed = Job("v2", StageKind.Video, "kling", "look/nano-banana-edit/three-quarter@5s", "look", metadata: "not json");
        (ImageAxes.ImageModelOf(keyed, none), ImageAxes.AngleOf(keyed, none)).ShouldBe((null, "three-quarter"));
    }

    [Fact]
    public void A_look_id_ending_in_an_angles_word_is_not_an_angle()
    {
        var none = new Dictionary<string, JobRecord>();
        ImageAxes.AngleOf(Job("i", StageKind.Image, "nano-banana-edit", "ann/front", "ann/front"), none).ShouldBeNull();
        ImageAxes.AngleOf(Job("v", StageKind.Video, "kling", "ann/front@5s", "ann/front"), none).ShouldBeNull();
        ImageAxes.AngleOf(Job("w", StageKind.Video, "kling", "ann/front/back@5s", "ann/front"), none).ShouldBe("back");
    }
}
