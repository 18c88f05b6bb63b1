using Catwalk.Domain;
namespace Catwalk.Store;

/// <summary>Which jobs a report or view reads. Every filter is optional.</summary>
public sealed record JobQuery
{
    public string? RunId { get; init; }
    public StageKind? Stage { get; init; }
    public string? InputKey { get; init; }
    public IReadOnlyList<string>? Models { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public string? PersonId { get; init; }
    public string? OutfitId { get; init; }
    /// <summary>The job (of any run) that holds this fal request id.</summary>
    public string? RequestId { get; init; }
    public int Limit { get; init; } = 100_000;
}
