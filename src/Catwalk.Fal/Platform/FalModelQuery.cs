namespace Catwalk.Fal.Platform;

/// <summary>What <c>GET /v1/models</c> is asked: ids to find, or words, category and status to search by; the OpenAPI expansion; paging.</summary>
public sealed record FalModelQuery
{
    public IReadOnlyList<string> EndpointIds { get; init; } = [];
    public string? Text { get; init; }
    public string? Category { get; init; }
    /// <summary><c>active</c> or <c>deprecated</c>; null for both.</summary>
    public string? Status { get; init; }
    public bool WithOpenApi { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}
