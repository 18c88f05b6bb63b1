using Catwalk.Store;
using Catwalk.Dashboard.Launch;
using Catwalk.Domain;

namespace Catwalk.Dashboard.Tests.Launch;

public sealed class LaunchFormTests
{
    [Fact]
    public void An_empty_form_says_what_is_missing()
    {
        var problems = new LaunchForm().Problems();
        problems.ShouldContain("Upload a person image.");
        problems.ShouldContain("Pick at least one video model.");
    }

    [Fact]
    public void Out_of_range_person_values_and_durations_are_problems()
    {
        var form = new LaunchForm { PersonImage = "/p.png", HeightCm = 17, Duration = 0 };
        form.Models.Add("pika");
        form.Problems().ShouldContain(p => p.StartsWith("Height 17 cm is outside"));
        form.Problems().ShouldContain(p => p.Contains("Duration 0"));
    }

    [Fact]
    public void The_spec_has_one_look_the_models_in_catalog_order_and_the_duration()
    {
        var form = new LaunchForm
        {
            PersonImage = "/u/person.png", FaceImage = "/u/face.png", HeightCm = 175, Gender = Gender.Female, Age = 30,
            Apparel = " street wear ", Setting = "", Description = "walking", Duration = 5,
        };
        form.OutfitImages.Add("/u/top.png");
        form.Models.Add("ltx");
        form.Models.Add("pika");
        var spec = form.ToSpec(["veo3", "pika", "ltx"]);
        spec.Kind.ShouldBe(RunKind.Run);
        spec.Models.ShouldBe(["pika", "ltx"]);
        spec.Durations.ShouldBe([5]);
        var look = spec.Looks.ShouldHaveSingleItem();
        (look.PersonImage, look.FaceImage).ShouldBe(("/u/person.png", "/u/face.png"));
        look.OutfitImages.ShouldBe(["/u/top.png"]);
        look.Person.ShouldBe(new PersonAttributes { HeightCm = 175, Gender = Gender.Female, Age = 30 });
        look.Environment.ApparelType.ShouldBe("street wear");
        look.Environment.Setting.ShouldBeNull();
        look.Description.ShouldBe("walking");
    }

    [Fact]
    public void Image_models_angles_and_the_gate_go_into_the_spec_in_catalog_and_angle_order()
    {
        var form = new LaunchForm { PersonImage = "/p.png", GateImage = true };
        form.Models.Add("pika");
        form.ImageModels.UnionWith(["seedream-edit", "nano-banana-edit"]);
        form.Angles.UnionWith([CameraAngle.Back, CameraAngle.Front]);
        var spec = form.ToSpec(["pika"], ["nano-banana-edit", "seedream-edit", "fashn-tryon"]);
        spec.ImageModels.ShouldBe(["nano-banana-edit", "seedream-edit"]);
        spec.Angles.ShouldBe([CameraAngle.Front, CameraAngle.Back]);
        spec.GateImage.ShouldBeTrue();
        new LaunchForm { PersonImage = "/p.png" }.ToSpec(["pika"]).ImageModels.ShouldBeEmpty(); // the default model alone
    }

    [Fact]
    public void Garment_kinds_go_into_the_look_beside_their_pictures_and_a_mismatch_is_a_problem()
    {
        var form = new LaunchForm { PersonImage = "/p.png" };
        form.Models.Add("pika");
        form.OutfitImages.AddRange(["/u/top.png", "/u/boots.png"]);
        form.OutfitGarments.AddRange([Catalog.GarmentCategory.Top, null]);
        form.ToSpec(["pika"]).Looks.Single().OutfitGarments.ShouldBe([Catalog.GarmentCategory.Top, null]);
        form.Problems().ShouldBeEmpty();
        form.OutfitGarments.RemoveAt(1);
        form.Problems().ShouldContain("1 garment kind(s) for 2 outfit picture(s); upload the outfit again.");
    }

    [Theory]
    [InlineData("outfit-top.png", Catalog.GarmentCategory.Top)]
    [InlineData("outfit-trousers.png", Catalog.GarmentCategory.Bottom)]
    [InlineData("White Sneakers.JPG", Catalog.GarmentCategory.Shoes)]
    [InlineData("denim-jacket.webp", Catalog.GarmentCategory.Outerwear)]
    [InlineData("red-dress.png", Catalog.GarmentCategory.OnePiece)]
    [InlineData("IMG_2041.png", null)]
    public void A_picture_s_name_gives_a_first_guess_at_its_garment_kind(string name, Catalog.GarmentCategory? kind) =>
        GarmentGuess.FromFileName(name).ShouldBe(kind);
}
