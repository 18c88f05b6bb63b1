namespace Catwalk.Fal.Platform;

/// <summary>fal's registry metadata of an endpoint.</summary>
public sealed record FalModelMetadata(string DisplayName, string Category, string Description, string Status, IReadOnlyList<string> Tags)
{
    public bool IsDeprecated => Status == "deprecated";
}
