namespace Catwalk.Manifests.Tests.Reading;

public class ManifestValidatorTests
{
    private static ManifestException Fails(string top, string person = "  - image: person.png\n")
    {
        using var ws = new Workspace();
        return ws.Fails($"models: [kling]\noutfits: [{{ image: top.png }}]\n{top}people:\n{person}");
    }

    [Fact]
    public void A_height_out_of_range_has_the_clis_wording_with_the_manifests_example()
    {
        var error = Fails("", "  - image: person.png\n    height: 900\n");
        (error.Line, error.Field).ShouldBe((5, "people[0].height"));
        error.Message.ShouldEndWith("people[0].height: height 900 cm is outside 50–250 cm (give it in centimetres, e.g. height: 175).");
    }

    [Theory]
    [InlineData("weight: 1000", "people[0].weight", "weight 1000 kg is outside 20–300 kg (give it in kilograms, e.g. weight: 70)")]
    [InlineData("age: 300", "people[0].age", "age 300 is outside 1–110")]
    [InlineData("gender: robot", "people[0].gender", "'robot' is not one of female, male, non-binary")]
    public void Other_person_attributes_are_checked_at_their_line(string line, string field, string problem)
    {
        var error = Fails("", $"  - image: person.png\n    height: 170\n    {line}\n");
        (error.Line, error.Field).ShouldBe((6, field));
        error.Message.ShouldEndWith($"{field}: {problem}.");
    }

    [Fact]
    public void A_zero_duration_is_pointed_at_in_the_list()
    {
        var error = Fails("durations:\n  - 5\n  - 0\n");
        (error.Line, error.Field).ShouldBe((5, "durations[1]"));
        error.Message.ShouldEndWith("durations[1]: must be a positive number of seconds, not 0.");
    }

    [Fact]
    public void A_negative_duration_in_a_flow_list_is_refused()
    {
        var error = Fails("durations: [5, -3]\n");
        (error.Line, error.Field).ShouldBe((3, "durations[1]"));
    }

    [Theory]
    [InlineData("budget: 0", "budget", "must be more than 0 US dollars, not 0")]
    [InlineData("budget: -5", "budget", "must be more than 0 US dollars, not -5")]
    [InlineData("seed: -1", "seed", "must be 0 or more, not -1")]
    [InlineData("concurrency: 0", "concurrency", "must be a positive number of jobs, not 0")]
    [InlineData("per_endpoint: -2", "per_endpoint", "must be a positive number of jobs, not -2")]
    [InlineData("image_aspect_ratio: wide", "image_aspect_ratio", "'wide' is not like 9:16, 16:9 or auto (quote it in YAML: \"9:16\")")]
    public void Out_of_range_options_are_refused_at_their_line(string line, string field, string problem)
    {
        var error = Fails($"{line}\n");
        (error.Line, error.Field).ShouldBe((3, field));
        error.Message.ShouldEndWith($"{field}: {problem}.");
    }

    [Fact]
    public void A_resolution_not_like_720p_is_refused()
    {
        var error = Fails("video:\n  resolution: hd\n");
        (error.Line, error.Field).ShouldBe((4, "video.resolution"));
        error.Message.ShouldEndWith("'hd' is not like 720p or 1080p.");
    }

    [Fact]
    public void A_duplicate_person_id_names_where_the_first_is()
    {
        using var ws = new Workspace();
        var error = ws.Fails("""
            models: [kling]
            outfits: [{ image: top.png }]
            people:
              - id: ana
                image: person.png
              - id: ANA
                image: face.png
            """);
        (error.Line, error.Field).ShouldBe((6, "people[1].id"));
        error.Message.ShouldEndWith($"the id 'ana' is already used in people at {ws.File("batch.yaml")} line 4, people[0].id; ids must be unique.");
    }

    [Fact]
    public void Two_outfits_whose_ids_come_from_the_same_file_name_are_told_to_give_ids()
    {
        using var ws = new Workspace("person.png", "a/top.png", "b/top.png");
        var error = ws.Fails("""
            models: [kling]
            people: [{ image: person.png }]
            outfits:
              - image: a/top.png
              - images: [b/top.png]
            """);
        (error.Line, error.Field).ShouldBe((5, "outfits[1].images"));
        error.Message.ShouldContain("the id 'top' (made from its file name; give it an id) is already used in outfits at");
    }

    [Fact]
    public void Duplicate_setting_ids_are_refused()
    {
        var error = Fails("settings:\n  - setting: Cafe\n  - id: cafe\n");
        (error.Line, error.Field).ShouldBe((5, "settings[1].id"));
    }
}
