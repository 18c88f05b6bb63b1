using Catwalk.Store;
using Catwalk.Domain;
using Catwalk.Manifests;
using Catwalk.Runs.Specs;

// Not ….Tests.Specs: that namespace would shadow Specs.RunSpecJson in the other tests of this project.
namespace Catwalk.Runs.Tests;

public sealed class ManifestSpecsTests
{
    private static readonly BatchManifest Manifest = new()
    {
        SourcePath = "/data/lookbook.yaml",
        Models = ["ltx", "kling"],
        Durations = [6, 10],
        Video = new BatchVideoOptions { Resolution = "720p", AspectRatio = "9:16", Audio = false, NegativePrompt = "blur" },
        StrictDuration = true,
        VideoPrompt = "walks",
        Seed = 42,
        ImageAspectRatio = "9:16",
        Concurrency = 8,
        PerEndpointConcurrency = 2,
        BudgetUsd = 10m,
        Looks =
        [
            new BatchLook
            {
                Id = "ann/top/cafe", PersonId = "ann", OutfitId = "top", SettingId = "cafe", PersonImage = "/data/ann.png", FaceImage = "/data/face.png",
                OutfitImages = ["/data/top.png"], Person = new PersonAttributes { HeightCm = 170 },
                Environment = new EnvironmentAttributes { Setting = "cafe" }, Description = "walking",
            },
        ],
    };

    [Fact]
    public void The_manifest_says_what_the_run_does()
    {
        var spec = ManifestSpecs.ToSpec(Manifest);

        spec.Kind.ShouldBe(RunKind.Batch);
        spec.Name.ShouldBe("lookbook"); // no name: the file's
        spec.Models.ShouldBe(["ltx", "kling"]);
        spec.Durations.ShouldBe([6, 10]);
        spec.Video.ShouldBe(new Catwalk.Catalog.VideoSettings { Resolution = "720p", AspectRatio = "9:16", Audio = false, NegativePrompt = "blur", Seed = 42 });
        (spec.StrictDuration, spec.VideoPrompt, spec.Seed, spec.ImageAspectRatio).ShouldBe((true, "walks", 42L, "9:16"));
        (spec.Concurrency, spec.PerEndpointConcurrency, spec.BudgetUsd).ShouldBe((8, 2, 10m));
        (spec.UseCache, spec.Metrics, spec.TimeoutSeconds).ShouldBe((true, true, null));
        var look = spec.Looks.Single();
        (look.Id, look.PersonId, look.OutfitId, look.SettingId, look.PersonImage, look.FaceImage, look.Description)
            .ShouldBe(("ann/top/cafe", "ann", "top", "cafe", "/data/ann.png", "/data/face.png", "walking"));
        look.OutfitImages.ShouldBe(["/data/top.png"]);
        look.Person.HeightCm.ShouldBe(170);
        look.Environment.Setting.ShouldBe("cafe");
    }

    [Fact]
    public void The_callers_options_win_over_the_manifest_and_the_run_defaults_fill_the_rest()
    {
        var spec = ManifestSpecs.ToSpec(Manifest with { Name = "spring" },
            new BatchOverrides { Concurrency = 32, BudgetUsd = 3m, UseCache = false, Metrics = false, TimeoutSeconds = 60 });
        spec.Name.ShouldBe("spring");
        (spec.Concurrency, spec.PerEndpointConcurrency, spec.BudgetUsd).ShouldBe((32, 2, 3m));
        (spec.UseCache, spec.Metrics, spec.TimeoutSeconds).ShouldBe((false, false, 60));

        var bare = ManifestSpecs.ToSpec(Manifest with { Concurrency = null, PerEndpointConcurrency = null, BudgetUsd = null });
        var defaults = new RunSpec { Kind = RunKind.Batch, Looks = [] };
        (bare.Concurrency, bare.PerEndpointConcurrency, bare.BudgetUsd).ShouldBe((defaults.Concurrency, defaults.PerEndpointConcurrency, null));
    }
}
