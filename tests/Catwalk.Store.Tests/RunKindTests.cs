using Catwalk.Store;

namespace Catwalk.Store.Tests;

public class RunKindTests
{
    // Stored, shown and written to JSON as the word it was when it was a string.
    [Fact]
    public void Each_kind_is_shown_as_its_lower_case_word() =>
        Enum.GetValues<RunKind>().Select(k => k.Name()).ShouldBe(["run", "batch", "image", "video", "import"]);

    [Fact]
    public void In_JSON_a_kind_is_its_word_both_ways()
    {
        System.Text.Json.JsonSerializer.Serialize(new { kind = RunKind.Import }).ShouldBe("""{"kind":"import"}""");
        System.Text.Json.JsonSerializer.Deserialize<RunKind>("\"batch\"").ShouldBe(RunKind.Batch);
    }

    [Fact]
    public void A_word_parses_to_its_kind_and_an_unknown_word_is_refused_with_the_known_ones()
    {
        RunKindNames.Parse("video").ShouldBe(RunKind.Video);
        RunKindNames.TryParse("nope", out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => RunKindNames.Parse("nope")).Message.ShouldBe("'nope' is not a run kind (run, batch, image, video, import).");
    }
}
