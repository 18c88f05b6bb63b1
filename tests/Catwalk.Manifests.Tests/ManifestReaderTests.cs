using Catwalk.Testing;
using Catwalk.Catalog;
using Catwalk.Domain;

namespace Catwalk.Manifests.Tests;

public class ManifestReaderTests
{
    private const string CrossProduct = """
        name: spring
        models: [kling, LTX, kling]
        people:
          - id: Ana
            image: person.png
            face: face.png
            height: 170
            weight: 60.5
            gender: F
            age: 30
          - image: people/Ben Smith.PNG
        outfits:
          - id: denim
            images: [top.png, shoes.png]
            apparel: street wear
          - image: shoes.png
        settings:
          - id: cafe
            setting: urban cafe
            cues: natural light
          - setting: White Studio, indoor
            description: turning on the spot
        description: walking towards the camera
        """;


    [Fact]
    public void The_sample_manifest_loads_with_the_real_catalog()
    {
        var path = Path.Combine(RepositoryRoot.Path, "assets", "samples", "batch.yaml");
        var manifest = ManifestReader.Load(path, ModelCatalog.BuiltIn.VideoModels.Select(m => m.Key).ToList());

        manifest.Name.ShouldBe("sample-lookbook");
        manifest.Models.ShouldBe(["ltx", "kling"]);
        manifest.Looks.Select(l => l.Id).ShouldBe(["sample/full-look/cafe", "sample/full-look/studio", "sample/jacket/cafe", "sample/jacket/studio"]);
        manifest.Looks.SelectMany(l => l.OutfitImages.Append(l.PersonImage).Append(l.FaceImage!)).ShouldAllBe(p => Path.IsPathRooted(p) && File.Exists(p));
    }

    [Fact]
    public void People_outfits_and_settings_expand_person_by_person_with_their_attributes()
    {
        using var ws = new Workspace("person.png", "face.png", "top.png", "shoes.png", "people/Ben Smith.PNG");
        var manifest = ws.Load(CrossProduct);

        manifest.Name.ShouldBe("spring");
        manifest.Models.ShouldBe(["kling", "ltx"]);
        manifest.Looks.Select(l => l.Id).ShouldBe([
            "ana/denim/cafe", "ana/denim/white-studio-indoor", "ana/shoes/cafe", "ana/shoes/white-studio-indoor",
            "ben-smith/denim/cafe", "ben-smith/denim/white-studio-indoor", "ben-smith/shoes/cafe", "ben-smith/shoes/white-studio-indoor",
        ]);

        var first = manifest.Looks[0];
        (first.PersonId, first.OutfitId, first.SettingId).ShouldBe(("ana", "denim", "cafe"));
        first.PersonImage.ShouldBe(ws.File("person.png"));
        first.FaceImage.ShouldBe(ws.File("face.png"));
        first.OutfitImages.ShouldBe([ws.File("top.png"), ws.File("shoes.png")]);
        first.Person.ShouldBe(new PersonAttributes { HeightCm = 170, WeightKg = 60.5, Gender = Gender.Female, Age = 30 });
        first.Environment.ShouldBe(new EnvironmentAttributes { ApparelType = "street wear", Setting = "urban cafe", VisualCues = "natural light" });
        first.Description.ShouldBe("walking towards the camera");

        var ben = manifest.Looks[7];
        ben.PersonImage.ShouldBe(ws.File("people/Ben Smith.PNG"));
        ben.FaceImage.ShouldBeNull();
        ben.Person.ShouldBe(new PersonAttributes());
        ben.Environment.ShouldBe(new EnvironmentAttributes { Setting = "White Studio, indoor" });
        ben.Description.ShouldBe("turning on the spot"); // the setting's description wins over the manifest's
    }

    [Fact]
    public void A_minimal_manifest_gets_the_defaults()
    {
        using var ws = new Workspace();
        var manifest = ws.Load("""
            models: veo3
            people: [{ image: person.png }]
            outfits: [{ image: top.png }]
            """);

        manifest.Name.ShouldBeNull();
        manifest.SourcePath.ShouldBe(ws.File("batch.yaml"));
        manifest.Models.ShouldBe(["veo3"]);
        manifest.Durations.ShouldBe([null]);
        manifest.Video.ShouldBe(new BatchVideoOptions());
        manifest.StrictDuration.ShouldBeFalse();
        (manifest.VideoPrompt, manifest.Seed, manifest.ImageAspectRatio).ShouldBe((null, null, null));
        (manifest.Concurrency, manifest.PerEndpointConcurrency, manifest.BudgetUsd).ShouldBe((null, null, null));
        var look = manifest.Looks.ShouldHaveSingleItem();
        look.Id.ShouldBe("person/top/default");
        look.Environment.ShouldBe(new EnvironmentAttributes());
        look.Description.ShouldBeNull();
    }

    [Fact]
    public void Every_top_level_option_is_read()
    {
        using var ws = new Workspace();
        var manifest = ws.Load("""
            models: [luma]
            durations: [5, 8, 5]
            video: { resolution: 720p, aspect_ratio: 9:16, audio: false, negative_prompt: "blur" }
            strict_duration: yes
            video_prompt: she walks
            seed: 42
            image_aspect_ratio: "3:4"
            concurrency: 8
            per_endpoint: 2
            budget: 25.50
            people: [{ image: person.png }]
            outfits: [{ image: top.png }]
            """);

        manifest.Durations.ShouldBe([5, 8]);
        manifest.Video.ShouldBe(new BatchVideoOptions { Resolution = "720p", AspectRatio = "9:16", Audio = false, NegativePrompt = "blur" });
        manifest.StrictDuration.ShouldBeTrue();
        manifest.VideoPrompt.ShouldBe("she walks");
        manifest.Seed.ShouldBe(42);
        manifest.ImageAspectRatio.ShouldBe("3:4");
        (manifest.Concurrency, manifest.PerEndpointConcurrency).ShouldBe((8, 2));
        manifest.BudgetUsd.ShouldBe(25.50m);
    }

    [Fact]
    public void All_means_every_catalog_model_in_the_catalog_order()
    {
        using var ws = new Workspace();
        ws.Load("""
            models: [kling, ALL]
            people: [{ image: person.png }]
            outfits: [{ image: top.png }]
            """).Models.ShouldBe(["kling", "veo3", "ltx", "grok", "luma"]);
    }

    [Fact]
    public void The_same_manifest_as_json_reads_the_same()
    {
        using var ws = new Workspace("person.png", "face.png", "top.png", "shoes.png", "people/Ben Smith.PNG");
        var fromYaml = ws.Load(CrossProduct);
        var fromJson = ws.Load("""
            {
              "name": "spring",
              "models": ["kling", "LTX", "kling"],
              "people": [
                { "id": "Ana", "image": "person.png", "face": "face.png", "height": 170, "weight": 60.5, "gender": "F", "age": 30 },
                { "image": "people/Ben Smith.PNG" }
              ],
              "outfits": [
                { "id": "denim", "images": ["top.png", "shoes.png"], "apparel": "street wear" },
                { "image": "shoes.png" }
              ],
              "settings": [
                { "id": "cafe", "setting": "urban cafe", "cues": "natural light" },
                { "setting": "White Studio, indoor", "description": "turning on the spot" }
              ],
              "description": "walking towards the camera"
            }
            """, "batch.json");

        fromJson.SourcePath.ShouldBe(ws.File("batch.json"));
        Manifests.Content(fromJson).ShouldBe(Manifests.Content(fromYaml));
    }

    [Fact]
    public void Relative_paths_are_relative_to_the_manifests_folder_not_the_current_directory()
    {
        using var ws = new Workspace("looks/people/ana.png", "looks/outfits/top.png", "shared/shoes.png");
        var manifest = ws.Load("""
            models: [kling]
            people: [{ image: people/ana.png }]
            outfits: [{ images: [outfits/top.png, ../shared/shoes.png] }]
            """, "looks/batch.yml");

        var look = manifest.Looks.ShouldHaveSingleItem();
        look.PersonImage.ShouldBe(ws.File("looks/people/ana.png"));
        look.OutfitImages.ShouldBe([ws.File("looks/outfits/top.png"), ws.File("shared/shoes.png")]);
        look.Id.ShouldBe("ana/top/default");
    }

    [Fact]
    public void Parse_resolves_paths_against_the_source_path_given()
    {
        using var ws = new Workspace();
        var manifest = ManifestReader.Parse("""
            models: [kling]
            people: [{ image: person.png }]
            outfits: [{ image: top.png }]
            """, ws.File("never-written.yaml"), Workspace.Models);
        manifest.Looks[0].PersonImage.ShouldBe(ws.File("person.png"));
    }

    [Fact]
    public void A_missing_manifest_is_named_with_its_full_path()
    {
        using var ws = new Workspace();
        var error = Should.Throw<ManifestException>(() => ManifestReader.Load(ws.File("nope.yaml"), Workspace.Models));
        error.Message.ShouldBe($"{ws.File("nope.yaml")}: does not exist (looked for {ws.File("nope.yaml")}).");
        (error.SourcePath, error.Line, error.Field).ShouldBe((ws.File("nope.yaml"), null, null));
    }

    [Fact]
    public void A_folder_is_not_a_manifest()
    {
        using var ws = new Workspace();
        Should.Throw<ManifestException>(() => ManifestReader.Load(ws.Path, Workspace.Models)).Message.ShouldContain("is a folder");
    }

    [NotRootFact]
    public void An_unreadable_manifest_says_so()
    {
        using var ws = new Workspace();
        var path = ws.Write("batch.yaml", "models: [kling]");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.None);
        Should.Throw<ManifestException>(() => ManifestReader.Load(path, Workspace.Models)).Message.ShouldContain("cannot be read");
    }

    [Fact]
    public void A_manifest_error_is_an_invalid_input_error_so_the_cli_reports_it_as_a_user_mistake()
    {
        using var ws = new Workspace();
        Should.Throw<InvalidInputException>(() => ws.Load("models: [nope]"));
    }
}
