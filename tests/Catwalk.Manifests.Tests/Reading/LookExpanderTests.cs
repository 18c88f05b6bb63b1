namespace Catwalk.Manifests.Tests.Reading;

public class LookExpanderTests
{
    [Fact]
    public void More_than_the_maximum_of_looks_is_refused_before_any_is_made()
    {
        using var ws = new Workspace();
        ws.Write("people.csv", "id,image\n" + string.Concat(Enumerable.Range(0, 101).Select(i => $"p{i},person.png\n")));
        ws.Write("outfits.csv", "id,image\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"o{i},top.png\n")));
        var error = ws.Fails("models: [kling]\npeople:\n  - csv: people.csv\noutfits:\n  - csv: outfits.csv\n");
        (error.Line, error.Field).ShouldBe((2, "people"));
        error.Message.ShouldEndWith("line 2: 101 people × 100 outfits × 1 settings make 10,100 looks, more than the 10,000 a manifest may have; split it into several manifests.");
    }

    [Fact]
    public void Exactly_the_maximum_is_allowed()
    {
        using var ws = new Workspace();
        ws.Write("people.csv", "id,image\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"p{i},person.png\n")));
        ws.Write("outfits.csv", "id,image\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"o{i},top.png\n")));
        ws.Load("models: [kling]\npeople:\n  - csv: people.csv\noutfits:\n  - csv: outfits.csv\n").Looks.Count.ShouldBe(ManifestReader.MaxLooks);
    }

    [Fact]
    public void A_csv_with_more_rows_than_the_maximum_is_refused_while_reading()
    {
        using var ws = new Workspace();
        ws.Write("people.csv", "image\n" + string.Concat(Enumerable.Repeat("person.png\n", ManifestReader.MaxLooks + 1)));
        var error = ws.Fails("models: [kling]\noutfits: [{ image: top.png }]\npeople:\n  - csv: people.csv\n");
        (error.Line, error.Field).ShouldBe((4, "people[0].csv"));
        error.Message.ShouldContain("has more than 10,000 rows");
    }
}
