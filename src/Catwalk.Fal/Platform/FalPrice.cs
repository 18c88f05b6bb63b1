namespace Catwalk.Fal.Platform;

/// <summary>fal's unit price of an endpoint's base configuration, per <see cref="Unit"/> (e.g. <c>seconds</c>, <c>images</c>, <c>videos</c>; a free string).</summary>
public sealed record FalPrice(string EndpointId, decimal UnitPrice, string Unit, string Currency);
