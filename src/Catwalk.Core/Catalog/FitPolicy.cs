namespace Catwalk.Catalog;

/// <summary>What to do when a model cannot take a setting exactly as asked.</summary>
public enum FitPolicy
{
    /// <summary>Refuse before any call, naming the allowed values (one model asked, or --strict-duration).</summary>
    Exact,
    /// <summary>Use the nearest supported value (durations: ties go to the longer) and say so.</summary>
    Nearest,
}
