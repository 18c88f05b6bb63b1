namespace Catwalk.Catalog;

/// <summary>The condition of a <see cref="CrossFieldRule"/>: a numeric field above a threshold.</summary>
public sealed record RuleCondition
{
    public required string Field { get; init; }
    public double GreaterThan { get; init; }
}
