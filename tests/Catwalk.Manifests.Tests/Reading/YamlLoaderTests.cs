namespace Catwalk.Manifests.Tests.Reading;

public class YamlLoaderTests
{
    [Fact]
    public void Invalid_yaml_is_reported_at_its_line_and_column()
    {
        using var ws = new Workspace();
        var error = ws.Fails("""
            models: [kling]
            people:
              - image: person.png
               face: face.png
            """);
        (error.Line, error.Column, error.Field).ShouldBe((4, 4, null));
        error.Message.ShouldStartWith($"{ws.File("batch.yaml")} line 4, column 4: this is not valid YAML: ");
    }

    [Fact]
    public void An_unclosed_bracket_followed_by_more_keys_is_a_syntax_error_with_a_line()
    {
        // YamlDotNet throws a bare InvalidOperationException here; the reader still gives a position.
        using var ws = new Workspace();
        var error = ws.Fails("""
            models: [kling, ltx
            people: [{ image: person.png }]
            """);
        error.Line.ShouldBe(1);
        error.Message.ShouldContain("is a '[', '{' or quote left open?");
    }

    [Fact]
    public void A_tab_used_for_indentation_is_pointed_at_with_a_hint()
    {
        using var ws = new Workspace();
        var error = ws.Fails("models: [kling]\nvideo:\n  resolution: 720p\n\taudio: false\n");
        error.Line.ShouldBe(4);
        error.Message.ShouldContain("indent YAML with spaces, not tabs");
    }

    [Fact]
    public void A_field_given_twice_is_named()
    {
        using var ws = new Workspace();
        var error = ws.Fails("""
            models: [kling]
            seed: 1
            models: [ltx]
            """);
        (error.Line, error.Field).ShouldBe((3, "models"));
        error.Message.ShouldBe($"{ws.File("batch.yaml")} line 3, models: is given twice; keep one.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void An_empty_manifest_says_what_it_needs(string text)
    {
        using var ws = new Workspace();
        var error = ws.Fails(text);
        error.Line.ShouldBeNull();
        error.Message.ShouldContain("the manifest is empty; it needs at least models, people and outfits");
    }

    [Fact]
    public void Several_yaml_documents_are_refused_at_the_second()
    {
        using var ws = new Workspace();
        ws.Fails("models: [kling]\n---\nmodels: [ltx]\n").Line.ShouldBe(3);
    }

    [Fact]
    public void A_manifest_that_is_a_list_is_refused()
    {
        using var ws = new Workspace();
        var error = ws.Fails("- models: [kling]\n");
        error.Line.ShouldBe(1);
        error.Message.ShouldContain("a manifest is a mapping of fields (models: …, people: …, outfits: …), not a list");
    }

    [Fact]
    public void Invalid_json_is_reported_at_its_line_in_json_terms()
    {
        using var ws = new Workspace();
        var error = ws.Fails("""
            {
              "models": ["kling"],
              "people": [{ "image": "person.png" }]
              "outfits": [{ "image": "top.png" }]
            }
            """, "batch.json");
        error.Line.ShouldBe(4);
        error.Column.ShouldNotBeNull();
        error.Message.ShouldStartWith($"{ws.File("batch.json")} line 4, column {error.Column}: this is not valid JSON: ");
    }

    [Fact]
    public void A_json_file_written_in_yaml_syntax_is_not_accepted_as_json()
    {
        using var ws = new Workspace();
        ws.Fails("models: [kling]\n", "batch.json").Message.ShouldContain("this is not valid JSON");
    }

    [Fact]
    public void Json_errors_after_parsing_have_the_json_line()
    {
        using var ws = new Workspace();
        var error = ws.Fails("""
            {
              "models": ["kling"],
              "people": [
                { "image": "person.png", "height": "tall" }
              ],
              "outfits": [{ "image": "top.png" }]
            }
            """, "batch.json");
        (error.Line, error.Field).ShouldBe((4, "people[0].height"));
    }
}
