namespace Catwalk.Catalog;

/// <summary>The duration asked for and the one a model got.</summary>
public sealed record DurationChoice(int? RequestedSeconds, int Seconds)
{
    public bool Adjusted => RequestedSeconds is { } r && r != Seconds;
}
