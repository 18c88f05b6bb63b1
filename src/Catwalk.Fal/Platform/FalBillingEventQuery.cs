namespace Catwalk.Fal.Platform;

/// <summary>What <c>GET /v1/models/billing-events</c> is asked: a window on when requests were billed (end exclusive, at most 90 days), endpoints, paging.</summary>
public sealed record FalBillingEventQuery(DateTimeOffset Start, DateTimeOffset End)
{
    public IReadOnlyList<string> EndpointIds { get; init; } = [];
    /// <summary>Rows a page (fal: up to 10,000); null: fal's default.</summary>
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}
