using Catwalk.Domain;

namespace Catwalk.Pipelines.Outputs;

/// <summary>The person and environment a generation was made for, kept so results can be filtered by them later.</summary>
public sealed record LookInfo(double? HeightCm, double? WeightKg, string Gender, int? Age, string? ApparelType, string? Setting, string? VisualCues, string? Description)
{
    public static LookInfo From(LookRequest look) => new(
        look.Person.HeightCm, look.Person.WeightKg, look.Person.Gender.ToString().ToLowerInvariant(), look.Person.Age,
        look.Environment.ApparelType, look.Environment.Setting, look.Environment.VisualCues, look.Description);
}
