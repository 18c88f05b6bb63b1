namespace Catwalk.Manifests.Tests.Reading;

public class YamlFieldsTests
{
    [Fact]
    public void A_misspelt_field_is_refused_with_the_closest_known_field()
    {
        using var ws = new Workspace();
        var error = ws.Fails("""
            name: spring
            people: [{ image: person.png }]
            outfits: [{ image: top.png }]
            modles: [kling]
            """);
        error.Message.ShouldBe($"{ws.File("batch.yaml")} line 4: 'modles' is not a manifest field; did you mean 'models'?");
        (error.Line, error.Field, error.SourcePath).ShouldBe((4, "modles", ws.File("batch.yaml")));
    }

    [Fact]
    public void A_misspelt_field_of_a_person_names_the_person()
    {
        using var ws = new Workspace();
        var error = ws.Fails("""
            models: [kling]
            people:
              - image: person.png
                hieght: 170
            outfits: [{ image: top.png }]
            """);
        (error.Line, error.Field).ShouldBe((4, "people[0].hieght"));
        error.Message.ShouldEndWith("line 4: 'hieght' is not a field of people[0]; did you mean 'height'?");
    }

    [Theory]
    [InlineData("strict-duration: true", "strict_duration")]
    [InlineData("perEndpoint: 2", "per_endpoint")]
    [InlineData("duration: 5", "durations")]
    public void Kebab_and_camel_case_and_near_misses_suggest_the_snake_case_field(string line, string suggested)
    {
        using var ws = new Workspace();
        ws.Fails($"models: [kling]\n{line}\n").Message.ShouldEndWith($"did you mean '{suggested}'?");
    }

    [Fact]
    public void A_field_nothing_like_a_known_one_lists_the_fields()
    {
        using var ws = new Workspace();
        var error = ws.Fails("models: [kling]\nvideo:\n  xyzzy: 1\n");
        (error.Line, error.Field).ShouldBe((3, "video.xyzzy"));
        error.Message.ShouldEndWith("'xyzzy' is not a field of video; the fields are resolution, aspect_ratio, audio, negative_prompt.");
    }

    [Fact]
    public void A_list_where_one_value_belongs_is_refused()
    {
        using var ws = new Workspace();
        var error = ws.Fails("""
            models: [kling]
            name: [a, b]
            """);
        (error.Line, error.Field).ShouldBe((2, "name"));
        error.Message.ShouldEndWith("name: must be a single value, not a list.");
    }

    [Fact]
    public void A_single_value_where_a_list_of_people_belongs_is_refused()
    {
        using var ws = new Workspace();
        var error = ws.Fails("""
            models: [kling]
            people: person.png
            outfits: [{ image: top.png }]
            """);
        (error.Line, error.Field).ShouldBe((2, "people"));
        error.Message.ShouldContain("must be a list");
    }

    [Fact]
    public void A_person_written_as_a_bare_path_is_refused_saying_what_a_person_is()
    {
        using var ws = new Workspace();
        var error = ws.Fails("""
            models: [kling]
            people:
              - person.png
            outfits: [{ image: top.png }]
            """);
        (error.Line, error.Field).ShouldBe((3, "people[0]"));
        error.Message.ShouldContain("must be a mapping of fields (id, image, face, height, weight, gender, age, csv), not a single value");
    }

    [Fact]
    public void An_empty_item_in_a_list_of_images_is_refused()
    {
        using var ws = new Workspace();
        var error = ws.Fails("""
            models: [kling]
            people: [{ image: person.png }]
            outfits:
              - images:
                  - top.png
                  -
            """);
        (error.Line, error.Field).ShouldBe((6, "outfits[0].images[1]"));
    }
}
