namespace Catwalk.Manifests.Tests.Reading;

public class ScalarsTests
{
    private const string Head = "models: [kling]\noutfits: [{ image: top.png }]\npeople:\n";

    [Fact]
    public void A_word_for_a_height_names_the_line_the_field_and_the_unit()
    {
        using var ws = new Workspace();
        var error = ws.Fails("""
            name: spring
            models: [kling]
            outfits: [{ image: top.png }]
            people:
              - id: ana
                image: person.png
                height: 170
              - id: ben
                image: person.png
                weight: 80
                gender: male
                height: tall
            """, "batch.yaml");
        error.Message.ShouldBe($"{ws.File("batch.yaml")} line 12, people[1].height: 'tall' is not a number (give centimetres, e.g. height: 175).");
        (error.Line, error.Field).ShouldBe((12, "people[1].height"));
    }

    [Fact]
    public void A_fractional_age_is_not_a_whole_number()
    {
        using var ws = new Workspace();
        var error = ws.Fails(Head + "  - image: person.png\n    age: 30.5\n");
        (error.Line, error.Field).ShouldBe((5, "people[0].age"));
        error.Message.ShouldEndWith("30.5 is not a whole number (give years, e.g. age: 30).");
    }

    [Fact]
    public void A_flag_that_is_not_true_or_false_is_refused()
    {
        using var ws = new Workspace();
        var error = ws.Fails("models: [kling]\nvideo:\n  audio: maybe\n");
        (error.Line, error.Field).ShouldBe((3, "video.audio"));
        error.Message.ShouldEndWith("'maybe' is not true or false.");
    }

    [Fact]
    public void A_quoted_number_reads_as_a_number_and_a_dollar_sign_is_allowed_on_the_budget()
    {
        using var ws = new Workspace();
        var manifest = ws.Load(Head + "  - image: person.png\n    height: \"170\"\nbudget: $12.50\nseed: '7'\n");
        manifest.Looks[0].Person.HeightCm.ShouldBe(170);
        manifest.BudgetUsd.ShouldBe(12.50m);
        manifest.Seed.ShouldBe(7);
    }

    [Fact]
    public void A_budget_that_is_not_an_amount_is_refused()
    {
        using var ws = new Workspace();
        var error = ws.Fails("models: [kling]\nbudget: lots\n");
        (error.Line, error.Field).ShouldBe((2, "budget"));
        error.Message.ShouldEndWith("'lots' is not an amount (give US dollars, e.g. budget: 25.00).");
    }

    [Fact]
    public void A_seed_too_large_for_a_number_is_not_a_whole_number()
    {
        using var ws = new Workspace();
        ws.Fails("models: [kling]\nseed: 1e30\n").Field.ShouldBe("seed");
    }
}
