namespace Catwalk.Runs.Recommendation;

/// <summary>Which jobs a recommendation covers: all of the stage's, or the looks with one setting, or one apparel.</summary>
public enum ScopeKind
{
    All,
    Setting,
    Apparel,
}
