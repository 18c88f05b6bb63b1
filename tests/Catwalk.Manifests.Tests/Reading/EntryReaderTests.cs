namespace Catwalk.Manifests.Tests.Reading;

public class EntryReaderTests
{
    [Fact]
    public void A_person_without_an_image_is_pointed_at()
    {
        using var ws = new Workspace();
        var error = ws.Fails("""
            models: [kling]
            outfits: [{ image: top.png }]
            people:
              - image: person.png
              - id: ben
                height: 180
            """);
        (error.Line, error.Field).ShouldBe((5, "people[1].image"));
        error.Message.ShouldEndWith("people[1].image: is missing; every person needs a full photo, e.g. image: people/ana.jpg.");
    }

    [Fact]
    public void An_outfit_without_pictures_is_pointed_at()
    {
        using var ws = new Workspace();
        var error = ws.Fails("models: [kling]\npeople: [{ image: person.png }]\noutfits:\n  - id: denim\n    apparel: street wear\n");
        (error.Line, error.Field).ShouldBe((4, "outfits[0].images"));
        error.Message.ShouldContain("every outfit needs at least one picture");
    }

    [Fact]
    public void An_outfit_with_both_image_and_images_is_refused()
    {
        using var ws = new Workspace();
        var error = ws.Fails("models: [kling]\npeople: [{ image: person.png }]\noutfits:\n  - image: top.png\n    images: [shoes.png]\n");
        (error.Line, error.Field).ShouldBe((5, "outfits[0].images"));
        error.Message.ShouldContain("give either image (one picture) or images (a list), not both");
    }

    [Theory]
    [InlineData("people: []\noutfits: [{ image: top.png }]\n", 2, "people", "is empty; list at least a person")]
    [InlineData("outfits: [{ image: top.png }]\n", 1, "people", "is missing; list at least a person")]
    [InlineData("people: [{ image: person.png }]\noutfits:\n", 3, "outfits", "is missing; list at least an outfit")]
    [InlineData("people: [{ image: person.png }]\noutfits: [{ image: top.png }]\nsettings: []\n", 4, "settings", "is empty; list at least a setting, or leave settings out")]
    public void Empty_and_missing_lists_are_refused(string lists, int line, string field, string problem)
    {
        using var ws = new Workspace();
        var error = ws.Fails("models: [kling]\n" + lists);
        (error.Line, error.Field).ShouldBe((line, field));
        error.Message.ShouldContain($"{field}: {problem}");
    }

    [Fact]
    public void A_settings_id_is_made_from_its_place_else_its_description_else_its_position()
    {
        using var ws = new Workspace();
        var manifest = ws.Load("""
            models: [kling]
            people: [{ image: person.png }]
            outfits: [{ image: top.png }]
            settings:
              - setting: Urban Café, outdoor
              - description: Spinning around!
              - cues: soft light
            """);
        manifest.Looks.Select(l => l.SettingId).ShouldBe(["urban-caf-outdoor", "spinning-around", "setting-3"]);
        manifest.Looks[2].Environment.VisualCues.ShouldBe("soft light");
    }

    [Fact]
    public void A_written_id_is_lower_cased_and_one_with_other_characters_is_refused_with_a_fix()
    {
        using var ws = new Workspace();
        ws.Load("models: [kling]\npeople: [{ id: Ana_1, image: person.png }]\noutfits: [{ image: top.png }]\n").Looks[0].PersonId.ShouldBe("ana_1");

        var error = ws.Fails("models: [kling]\npeople: [{ id: Ana Maria, image: person.png }]\noutfits: [{ image: top.png }]\n");
        (error.Line, error.Field).ShouldBe((2, "people[0].id"));
        error.Message.ShouldEndWith("'Ana Maria' is not a usable id: ids may only contain letters a-z, digits, '-' and '_', e.g. 'ana-maria'.");
    }

    [Fact]
    public void An_image_whose_name_makes_no_id_asks_for_one()
    {
        using var ws = new Workspace("person.png", "ドレス.png");
        var error = ws.Fails("models: [kling]\npeople: [{ image: person.png }]\noutfits: [{ image: ドレス.png }]\n");
        (error.Line, error.Field).ShouldBe((3, "outfits[0].image"));
        error.Message.ShouldContain("give the outfit an id");
    }
}
