namespace Catwalk.Domain;

/// <summary>The words of <see cref="CameraAngle"/> and what each asks of an image model.</summary>
public static class CameraAngles
{
    private static readonly (CameraAngle Angle, string Word, string Phrase)[] All =
    [
        (CameraAngle.Front, "front", "front view, the person facing the camera"),
        (CameraAngle.ThreeQuarter, "three-quarter", "three-quarter view, the body turned about 45 degrees from the camera, the face still visible"),
        (CameraAngle.Side, "side", "side view, the person in full profile"),
        (CameraAngle.Back, "back", "back view, seen from behind, showing the back of the outfit"),
    ];

    public static string Word(this CameraAngle angle) => All.First(a => a.Angle == angle).Word;

    /// <summary>The instruction the image prompt carries for this angle.</summary>
    public static string Phrase(this CameraAngle angle) => All.First(a => a.Angle == angle).Phrase;

    public static IReadOnlyList<string> Words { get; } = [.. All.Select(a => a.Word)];

    /// <summary>"front,three-quarter" (or "all") → angles in the order given, without repeats.</summary>
    /// <exception cref="InvalidInputException">A word that is not an angle, naming the ones there are.</exception>
    public static IReadOnlyList<CameraAngle> Parse(string selection, string optionName = "--angles")
    {
        if (selection.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)) return [.. All.Select(a => a.Angle)];
        var chosen = new List<CameraAngle>();
        foreach (var word in selection.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = All.FirstOrDefault(a => a.Word.Equals(word, StringComparison.OrdinalIgnoreCase) || a.Word.Replace("-", "").Equals(word.Replace("-", "").Replace("_", ""), StringComparison.OrdinalIgnoreCase));
            if (match.Word is null) throw new InvalidInputException($"{optionName}: '{word}' is not an angle; the angles are {string.Join(", ", Words)} (or all).");
            if (!chosen.Contains(match.Angle)) chosen.Add(match.Angle);
        }
        if (chosen.Count == 0) throw new InvalidInputException($"{optionName} is empty; give some of {string.Join(", ", Words)} (or all).");
        return chosen;
    }
}
