namespace Catwalk.Catalog.Import;

/// <summary>One difference between a catalog model and fal, with the old and new values as text.</summary>
public sealed record DriftChange(string ModelKey, DriftKind Kind, string? Field, string? Old, string? New)
{
    public override string ToString() => Kind switch
    {
        DriftKind.EndpointGone => $"{ModelKey}: endpoint gone from fal",
        DriftKind.EndpointDeprecated => $"{ModelKey}: endpoint deprecated at fal",
        DriftKind.FieldGone => $"{ModelKey}: field {Field} gone (was {Old})",
        DriftKind.FieldAdded => $"{ModelKey}: field {Field} added ({New})",
        DriftKind.PriceChanged => $"{ModelKey}: price changed: {Old} → {New}",
        DriftKind.PriceUnitChanged => $"{ModelKey}: fal bills per {New}, the catalog per {Old}",
        _ => $"{ModelKey}: field {Field} {Kind switch { DriftKind.TypeChanged => "type", DriftKind.RequiredChanged => "required", DriftKind.EnumChanged => "values", _ => "default" }} changed: {Old} → {New}",
    };
}
