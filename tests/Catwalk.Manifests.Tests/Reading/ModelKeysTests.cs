namespace Catwalk.Manifests.Tests.Reading;

public class ModelKeysTests
{
    private const string Rest = "people: [{ image: person.png }]\noutfits: [{ image: top.png }]\n";

    [Fact]
    public void An_unknown_model_lists_the_known_ones_and_suggests_the_closest()
    {
        using var ws = new Workspace();
        var error = ws.Fails("models:\n  - kling\n  - ltx2\n" + Rest);
        (error.Line, error.Field).ShouldBe((3, "models[1]"));
        error.Message.ShouldEndWith("models[1]: 'ltx2' is not a video model in the catalog (did you mean 'ltx'?); the models are veo3, ltx, kling, grok, luma (or all).");
    }

    [Fact]
    public void Missing_models_are_required()
    {
        using var ws = new Workspace();
        var error = ws.Fails("name: x\n" + Rest);
        (error.Line, error.Field).ShouldBe((1, "models"));
        error.Message.ShouldContain("models: is missing; give catalog keys or all");
    }

    [Fact]
    public void An_empty_list_of_models_is_refused()
    {
        using var ws = new Workspace();
        var error = ws.Fails("name: x\nmodels: []\n" + Rest);
        (error.Line, error.Field).ShouldBe((2, "models"));
        error.Message.ShouldContain("is empty");
    }

    [Fact]
    public void A_comma_separated_value_works_like_the_cli_option_and_keeps_the_catalog_spelling()
    {
        using var ws = new Workspace();
        ws.Load("models: Luma, VEO3, luma\n" + Rest).Models.ShouldBe(["luma", "veo3"]);
    }

    [Fact]
    public void All_with_an_empty_catalog_is_refused()
    {
        using var ws = new Workspace();
        var path = ws.Write("batch.yaml", "models: all\n" + Rest);
        Should.Throw<ManifestException>(() => ManifestReader.Load(path, [])).Message.ShouldContain("it has none");
    }
}
