namespace Catwalk.Catalog.Import;

/// <summary>What fal's pricing API says an endpoint costs: one unit price for its base configuration, per <see cref="Unit"/>, on a date.</summary>
public sealed record PublishedPrice(decimal UnitPrice, string Unit, DateOnly AsOf);
