namespace Catwalk.Catalog;

/// <summary>Whether a model makes sound and whether it can be switched off (the toggle field is in <see cref="InputMapping.Audio"/>).</summary>
public sealed record AudioSpec
{
    public bool Generates { get; init; }
    public bool Default { get; init; }
}
