namespace Catwalk.Catalog.Import;

/// <summary>How a catalog entry differs from what fal publishes now.</summary>
public enum DriftKind
{
    EndpointGone,
    EndpointDeprecated,
    FieldGone,
    FieldAdded,
    TypeChanged,
    RequiredChanged,
    EnumChanged,
    DefaultChanged,
    PriceChanged,
    PriceUnitChanged,
}
