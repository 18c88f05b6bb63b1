namespace Catwalk.Domain;

/// <summary>Who the generated person is. Every attribute is optional; what is given is validated and used in the prompt.</summary>
public sealed record PersonAttributes
{
    public const double MinHeightCm = 50, MaxHeightCm = 250, MinWeightKg = 20, MaxWeightKg = 300;
    public const int MinAge = 1, MaxAge = 110;

    public double? HeightCm { get; init; }
    public double? WeightKg { get; init; }
    public Gender Gender { get; init; } = Gender.Unspecified;
    public int? Age { get; init; }

    /// <summary>Problems with the values, each naming the value and the accepted range; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (HeightCm is { } h && h is < MinHeightCm or > MaxHeightCm or double.NaN)
            problems.Add($"height {h} cm is outside {MinHeightCm}–{MaxHeightCm} cm (give it in centimetres, e.g. --height 175)");
        if (WeightKg is { } w && w is < MinWeightKg or > MaxWeightKg or double.NaN)
            problems.Add($"weight {w} kg is outside {MinWeightKg}–{MaxWeightKg} kg (give it in kilograms, e.g. --weight 70)");
        if (Age is { } a && a is < MinAge or > MaxAge)
            problems.Add($"age {a} is outside {MinAge}–{MaxAge}");
        return problems;
    }

    /// <summary>Reads "female", "male", "non-binary" (any case, also "f", "m", "nb"); null for anything else.</summary>
    public static Gender? ParseGender(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "unspecified" or "any" => Gender.Unspecified,
        "female" or "f" or "woman" => Gender.Female,
        "male" or "m" or "man" => Gender.Male,
        "non-binary" or "nonbinary" or "nb" => Gender.NonBinary,
        _ => null,
    };
}
