using Catwalk.Runs.Specs;
using Catwalk.Store;

namespace Catwalk.Runs.Tests;

/// <summary>A run spec's kind in spec_json: the same word it was when it was a string, both ways, so stored specs still resume.</summary>
public class RunSpecJsonTests
{
    [Fact]
    public void A_spec_stored_by_an_older_catwalk_reads_with_its_kind()
    {
        var spec = RunSpecJson.Deserialize("""{"kind":"batch","name":"old","looks":[],"models":["veo3"],"durations":[8]}""");
        spec.Kind.ShouldBe(RunKind.Batch);
        spec.Name.ShouldBe("old");
        spec.Models.ShouldBe(["veo3"]);
    }

    [Theory]
    [InlineData(RunKind.Run, "run")]
    [InlineData(RunKind.Batch, "batch")]
    [InlineData(RunKind.Image, "image")]
    [InlineData(RunKind.Video, "video")]
    [InlineData(RunKind.Import, "import")]
    public void Each_kind_is_written_as_its_word_and_reads_back(RunKind kind, string word)
    {
        var json = RunSpecJson.Serialize(new RunSpec { Kind = kind, Looks = [] });
        json.ShouldContain($"\"kind\":\"{word}\"");
        RunSpecJson.Deserialize(json).Kind.ShouldBe(kind);
    }

    [Fact]
    public void A_kind_it_does_not_know_is_refused_naming_the_word()
    {
        var error = Should.Throw<System.Text.Json.JsonException>(() => RunSpecJson.Deserialize("""{"kind":"storyboard","looks":[]}"""));
        error.Message.ShouldContain("kind");
    }
}
