namespace Catwalk.Catalog;

/// <summary>
/// Which of the model's input fields carries each generic setting. A setting whose field is null
/// is one the model does not take (it is left out of the request and noted in the result).
/// </summary>
public sealed record InputMapping
{
    public string Prompt { get; init; } = "prompt";
    public string? Image { get; init; }
    public string? Images { get; init; }
    public string? NegativePrompt { get; init; }
    public string? Seed { get; init; }
    public string? Resolution { get; init; }
    public string? AspectRatio { get; init; }
    public string? Audio { get; init; }
    public string? Fps { get; init; }
    public string? Count { get; init; }
    public string? OutputFormat { get; init; }
}
