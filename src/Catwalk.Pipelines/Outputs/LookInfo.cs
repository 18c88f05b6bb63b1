using Catwalk.Domain;

namespace Catwalk.Pipelines.Outputs;

/// <summary>The person and environment a generation was made for, kept so results can be filtered by them later.</summary>
public sealed record LookInfo(double? HeightCm, double? WeightKg, string Gender, int? Age, string? ApparelType, string? Setting, string? VisualCues, string? Description)
{
    public static LookInfo From(LookRequest look) => From(look.Person, look.Environment, look.Description);

    public static LookInfo From(PersonAttributes person, EnvironmentAttributes environment, string? description) => new(
        person.HeightCm, person.WeightKg, person.Gender.ToString().ToLowerInvariant(), person.Age,
        environment.ApparelType, environment.Setting, environment.VisualCues, description);
}
