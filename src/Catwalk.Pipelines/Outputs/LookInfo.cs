using Catwalk.Domain;

namespace Catwalk.Pipelines.Outputs;

/// <summary>The person and environment a generation was made for, kept so results can be filtered by them later.</summary>
public sealed record LookInfo(double? HeightCm, double? WeightKg, string Gender, int? Age, string? ApparelType, string? Setting, string? VisualCues, string? Description)
{
    /// <summary>The camera angle the image was shot at (<c>--angles</c>); null when the run asked for none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Angle { get; init; }

    /// <summary>For a video: the image model whose image it animates, when the run compared several.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? ImageModel { get; init; }

    public static LookInfo From(LookRequest look) => From(look.Person, look.Environment, look.Description) with { Angle = look.Angle?.Word() };

    public static LookInfo From(PersonAttributes person, EnvironmentAttributes environment, string? description) => new(
        person.HeightCm, person.WeightKg, person.Gender.ToString().ToLowerInvariant(), person.Age,
        environment.ApparelType, environment.Setting, environment.VisualCues, description);
}
