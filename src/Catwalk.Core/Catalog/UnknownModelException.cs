namespace Catwalk.Catalog;

/// <summary>A model key the catalog does not have; the message lists the keys it does.</summary>
public sealed class UnknownModelException(string key, IEnumerable<string> known, string? reason = null)
    : Exception($"{reason ?? $"Unknown model '{key}'."} Known video models: {string.Join(", ", known)} (or 'all').")
{
    public string Key { get; } = key;
}
