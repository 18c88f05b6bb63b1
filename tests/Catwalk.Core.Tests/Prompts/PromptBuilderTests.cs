using Catwalk.Domain;
using Catwalk.Prompts;

namespace Catwalk.Core.Tests.Prompts;

public sealed class PromptBuilderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("catwalk-prompt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ReferenceImage Ref(ReferenceRole role) => new(role, $"/x/{role}.png", "image/png", 100, 100, 1, "00");

    private static LookRequest Look(bool face = true, int outfits = 2, string? description = "full frontal view, walking towards the camera") => new(
        new ReferenceSet(Ref(ReferenceRole.Person), face ? Ref(ReferenceRole.Face) : null, [.. Enumerable.Repeat(Ref(ReferenceRole.Outfit), outfits)]),
        new PersonAttributes { HeightCm = 175, WeightKg = 70, Gender = Gender.Male, Age = 28 },
        new EnvironmentAttributes { ApparelType = "street wear", Setting = "urban cafe, outdoor", VisualCues = "natural light" },
        description);

    [Fact]
    public void The_image_prompt_names_identity_references_outfit_and_setting()
    {
        var prompt = new PromptBuilder().BuildImagePrompt(Look());
        prompt.ShouldBe(
            "Create one photorealistic full-body fashion photograph of the person in image 1. " +
            "The person: a 28-year-old man, 175 cm tall, weighing 70 kg. " +
            "Keep the face exactly as in image 2: same facial features, skin tone, hairline and expression. Do not beautify, age or alter the identity. " +
            "Dress them in the garments shown in images 3 and 4; reproduce every colour, fabric, print and the fit faithfully. " +
            "Apparel: street wear. Setting: urban cafe, outdoor. Visual cues: natural light. " +
            "Shot: full frontal view, walking towards the camera. " +
            "Framing: the whole body from head to toe in frame with the feet visible, the person centred, sharp focus, natural skin texture, no text, logos or watermarks.");
    }

    [Fact]
    public void Without_a_face_crop_the_face_comes_from_the_person_image_and_outfits_shift()
    {
        var prompt = new PromptBuilder().BuildImagePrompt(Look(face: false, outfits: 3));
        prompt.ShouldContain("Keep the face exactly as in image 1");
        prompt.ShouldContain("garments shown in images 2, 3 and 4");
    }

    [Fact]
    public void Lines_about_missing_attributes_are_dropped()
    {
        var bare = new LookRequest(new ReferenceSet(Ref(ReferenceRole.Person), null, []), new PersonAttributes(), new EnvironmentAttributes(), null);
        var prompt = new PromptBuilder().BuildImagePrompt(bare);
        prompt.ShouldNotContain("The person:");
        prompt.ShouldNotContain("Setting:");
        prompt.ShouldNotContain("garments");
        prompt.ShouldContain("Shot: full-body shot, standing naturally, facing the camera.");
        prompt.ShouldNotContain("{");
    }

    [Fact]
    public void The_video_prompt_describes_motion_from_the_description_and_keeps_the_first_frame()
    {
        var prompt = new PromptBuilder().BuildVideoPrompt(Look());
        prompt.ShouldStartWith("Fashion video of the man from the first frame wearing street wear. Motion: full frontal view, walking towards the camera.");
        prompt.ShouldContain("Keep the face, body and every garment exactly as in the first frame");
    }

    [Fact]
    public void Output_is_deterministic() =>
        new PromptBuilder().BuildVideoPrompt(Look()).ShouldBe(new PromptBuilder().BuildVideoPrompt(Look()));

    [Fact]
    public void A_user_template_file_overrides_the_built_in_lines()
    {
        var path = Path.Combine(_dir, "t.json");
        File.WriteAllText(path, """{ "video": ["A {subject} in {setting}."] }""");
        var builder = new PromptBuilder(PromptTemplates.Load(path));
        builder.BuildVideoPrompt(Look()).ShouldBe("A man in urban cafe, outdoor.");
        builder.BuildImagePrompt(Look()).ShouldStartWith("Create one photorealistic"); // not overridden: built in
    }

    [Fact]
    public void A_broken_template_file_is_refused_with_its_line()
    {
        var path = Path.Combine(_dir, "bad.json");
        File.WriteAllText(path, "{\n \"video\": [\n oops ]}");
        Should.Throw<InvalidInputException>(() => PromptTemplates.Load(path)).Message.ShouldContain("line 3");
    }
}
