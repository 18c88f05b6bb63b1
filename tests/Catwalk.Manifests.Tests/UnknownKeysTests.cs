namespace Catwalk.Manifests.Tests;

/// <summary>A mistyped key is refused with its line and field in every section of a manifest, never silently ignored.</summary>
public class UnknownKeysTests
{
    private const string Valid = """
        name: spring
        models: [kling]
        durations: [5]
        video:
          resolution: 720p
        people:
          - id: ana
            image: person.png
        outfits:
          - id: denim
            images: [top.png]
        settings:
          - id: cafe
            setting: urban cafe
        """;

    [Theory]
    [InlineData("name: spring", "budjet: 5", "budjet", "budget")]
    [InlineData("  resolution: 720p", "  resolutoin: 720p", "video.resolutoin", "resolution")]
    [InlineData("    image: person.png", "    imgae: person.png", "people[0].imgae", "image")]
    [InlineData("    images: [top.png]", "    image_s: [top.png]", "outfits[0].image_s", "images")]
    [InlineData("    setting: urban cafe", "    setting: urban cafe\n    cuse: natural light", "settings[0].cuse", "cues")]
    public void An_unknown_key_in_any_section_is_refused_with_its_line_and_field(string line, string replacement, string field, string suggestion)
    {
        using var ws = new Workspace();
        var manifest = Valid.Replace(line, line.StartsWith("name") ? line + "\n" + replacement : replacement);
        var error = ws.Fails(manifest);
        var badKey = field.Split('.')[^1].Split(']')[^1];
        var expectedLine = manifest.Split('\n').ToList().FindIndex(l => l.TrimStart().StartsWith(badKey + ":")) + 1;
        error.Line.ShouldBe(expectedLine, error.Message);
        error.Message.ShouldContain($"'{badKey}'");
        error.Message.ShouldContain($"did you mean '{suggestion}'");
    }

    [Fact]
    public void The_valid_manifest_of_these_cases_loads()
    {
        using var ws = new Workspace();
        ws.Load(Valid).Looks.Count.ShouldBe(1);
    }
}
