namespace Catwalk.Fal.Platform;

/// <summary>What <c>GET /v1/models/requests/by-endpoint</c> is asked: one endpoint, a window (end exclusive), filters, payloads, paging.</summary>
public sealed record FalRequestQuery(string EndpointId)
{
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    /// <summary><c>success</c>, <c>error</c> or <c>user_error</c>.</summary>
    public string? Status { get; init; }
    public string? RequestId { get; init; }
    public bool WithPayloads { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}
