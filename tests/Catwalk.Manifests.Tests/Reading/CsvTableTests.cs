namespace Catwalk.Manifests.Tests.Reading;

public class CsvTableTests
{
    [Fact]
    public void People_and_outfits_come_from_csv_files_with_paths_relative_to_each_csv()
    {
        using var ws = new Workspace("top.png", "person.png", "data/ben.png", "data/cleo.png", "data/cleo-face.png", "data/linen.png", "data/shorts.png", "data/gown.png");
        ws.Write("data/people.csv", """
            ID, Image ,face,height,weight,gender,age
            ben,ben.png,,182,80,male,41

            cleo,cleo.png,cleo-face.png,165,,"non-binary",
            """);
        ws.Write("data/outfits.csv", """
            images,apparel,id
            linen.png;shorts.png,"resort wear, summer",summer
            gown.png,,
            """);
        var manifest = ws.Load("""
            models: [kling]
            people:
              - image: person.png
              - csv: data/people.csv
            outfits:
              - csv: data/outfits.csv
              - image: top.png
            """);

        manifest.Looks.Select(l => l.Id).ShouldBe([
            "person/summer/default", "person/gown/default", "person/top/default",
            "ben/summer/default", "ben/gown/default", "ben/top/default",
            "cleo/summer/default", "cleo/gown/default", "cleo/top/default",
        ]);
        var cleo = manifest.Looks.First(l => l.PersonId == "cleo");
        cleo.PersonImage.ShouldBe(ws.File("data/cleo.png"));
        cleo.FaceImage.ShouldBe(ws.File("data/cleo-face.png"));
        cleo.Person.ShouldBe(new Domain.PersonAttributes { HeightCm = 165, Gender = Domain.Gender.NonBinary });
        var ben = manifest.Looks.First(l => l.PersonId == "ben");
        ben.Person.ShouldBe(new Domain.PersonAttributes { HeightCm = 182, WeightKg = 80, Gender = Domain.Gender.Male, Age = 41 });
        ben.FaceImage.ShouldBeNull();
        var summer = manifest.Looks.First(l => l.OutfitId == "summer");
        summer.OutfitImages.ShouldBe([ws.File("data/linen.png"), ws.File("data/shorts.png")]);
        summer.Environment.ApparelType.ShouldBe("resort wear, summer");
    }

    [Fact]
    public void Images_in_a_cell_may_be_separated_by_a_bar_and_a_single_image_column_works()
    {
        using var ws = new Workspace("person.png", "a.png", "b.png");
        ws.Write("outfits.csv", "id,images\nab,a.png | b.png\n");
        ws.Write("more.csv", "image\nb.png\n");
        var manifest = ws.Load("models: [kling]\npeople: [{ image: person.png }]\noutfits: [{ csv: outfits.csv }, { csv: more.csv }]\n");
        manifest.Looks.Select(l => (l.OutfitId, l.OutfitImages.Count)).ShouldBe([("ab", 2), ("b", 1)]);
    }

    [Fact]
    public void An_error_in_a_csv_names_the_csv_its_line_and_the_column()
    {
        using var ws = new Workspace();
        var csv = ws.Write("people.csv", "id,image,height\nana,person.png,170\nben,person.png,tall\n");
        var error = ws.Fails("models: [kling]\noutfits: [{ image: top.png }]\npeople:\n  - csv: people.csv\n");
        error.Message.ShouldBe($"{ws.File("people.csv")} line 3, column 'height': 'tall' is not a number (give centimetres, e.g. height: 175).");
        (error.SourcePath, error.Line, error.Field).ShouldBe((csv, 3, "height"));
    }

    [Fact]
    public void A_line_break_inside_a_quoted_cell_does_not_throw_the_line_numbers_off()
    {
        using var ws = new Workspace();
        ws.Write("outfits.csv", "images,apparel\ntop.png,\"street\nwear\"\nhat.png,hats\n");
        var error = ws.Fails("models: [kling]\npeople: [{ image: person.png }]\noutfits:\n  - csv: outfits.csv\n");
        (error.Line, error.Field).ShouldBe((4, "images"));
    }

    [Fact]
    public void A_missing_image_in_a_csv_is_relative_to_the_csvs_folder()
    {
        using var ws = new Workspace();
        ws.Write("lists/people.csv", "image\nnobody.png\n");
        var error = ws.Fails("models: [kling]\noutfits: [{ image: top.png }]\npeople:\n  - csv: lists/people.csv\n");
        (error.Line, error.Field).ShouldBe((2, "image"));
        error.Message.ShouldEndWith($"(looked for {ws.File("lists/nobody.png")}; relative paths are relative to the CSV's folder).");
    }

    [Fact]
    public void An_unknown_column_is_refused_with_a_suggestion()
    {
        using var ws = new Workspace();
        ws.Write("people.csv", "id,image,hieght\nana,person.png,170\n");
        var error = ws.Fails("models: [kling]\noutfits: [{ image: top.png }]\npeople:\n  - csv: people.csv\n");
        error.Message.ShouldBe($"{ws.File("people.csv")} line 1: 'hieght' is not a column of people; did you mean 'height'?");
        (error.Line, error.Field).ShouldBe((1, "hieght"));
    }

    [Fact]
    public void A_csv_without_the_image_column_is_refused()
    {
        using var ws = new Workspace();
        ws.Write("outfits.csv", "id,apparel\ndenim,street wear\n");
        var error = ws.Fails("models: [kling]\npeople: [{ image: person.png }]\noutfits:\n  - csv: outfits.csv\n");
        error.Message.ShouldEndWith("line 1: the header has no 'images' or 'image' column; the columns are id,images,image,garments,apparel.");
    }

    [Fact]
    public void A_missing_csv_is_reported_at_the_manifest_line_naming_it()
    {
        using var ws = new Workspace();
        var error = ws.Fails("models: [kling]\noutfits: [{ image: top.png }]\npeople:\n  - image: person.png\n  - csv: more.csv\n");
        (error.SourcePath, error.Line, error.Field).ShouldBe((ws.File("batch.yaml"), 5, "people[1].csv"));
        error.Message.ShouldContain($"CSV file 'more.csv' does not exist (looked for {ws.File("more.csv")}; relative paths are relative to the manifest's folder)");
    }

    [Fact]
    public void A_csv_with_only_a_header_is_refused()
    {
        using var ws = new Workspace();
        ws.Write("people.csv", "id,image\n");
        var error = ws.Fails("models: [kling]\noutfits: [{ image: top.png }]\npeople:\n  - csv: people.csv\n");
        (error.Line, error.Field).ShouldBe((4, "people[0].csv"));
        error.Message.ShouldContain("has no rows under its header");
    }

    [Fact]
    public void An_empty_csv_is_refused()
    {
        using var ws = new Workspace();
        ws.Write("people.csv", "");
        ws.Fails("models: [kling]\noutfits: [{ image: top.png }]\npeople:\n  - csv: people.csv\n").Message.ShouldContain("is empty; its first line must name the columns");
    }

    [Fact]
    public void Malformed_quoting_is_reported_at_its_line()
    {
        using var ws = new Workspace();
        ws.Write("people.csv", "id,image\nana,person.png\nben,per\"son.png\n");
        var error = ws.Fails("models: [kling]\noutfits: [{ image: top.png }]\npeople:\n  - csv: people.csv\n");
        error.Line.ShouldBe(3);
        error.Message.ShouldContain("this is not valid CSV: a quote inside an unquoted field");
    }

    [Fact]
    public void A_column_given_twice_is_refused()
    {
        using var ws = new Workspace();
        ws.Write("people.csv", "image,Image\nperson.png,person.png\n");
        ws.Fails("models: [kling]\noutfits: [{ image: top.png }]\npeople:\n  - csv: people.csv\n").Message.ShouldContain("column 'image': this column appears twice");
    }

    [Fact]
    public void A_csv_item_takes_no_other_fields()
    {
        using var ws = new Workspace();
        ws.Write("people.csv", "image\nperson.png\n");
        var error = ws.Fails("models: [kling]\noutfits: [{ image: top.png }]\npeople:\n  - csv: people.csv\n    height: 170\n");
        (error.Line, error.Field).ShouldBe((5, "people[0].height"));
        error.Message.ShouldContain("an item with csv: takes its fields from the CSV's columns");
    }

    [Fact]
    public void Settings_do_not_take_a_csv()
    {
        using var ws = new Workspace();
        ws.Fails("models: [kling]\npeople: [{ image: person.png }]\noutfits: [{ image: top.png }]\nsettings:\n  - csv: s.csv\n")
            .Message.ShouldContain("'csv' is not a field of settings[0]");
    }
}
