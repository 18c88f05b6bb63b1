namespace Catwalk.Fal;

/// <summary>One entry of fal's 422 <c>detail</c> list: where (<c>loc</c>), what (<c>msg</c>) and its machine <c>type</c>.</summary>
public sealed record FalValidationError(IReadOnlyList<string> Loc, string Msg, string Type)
{
    /// <summary>The input field, e.g. <c>duration</c> for loc <c>["body","duration"]</c>; <c>body</c> when the whole input is meant.</summary>
    public string Field => Loc.Count > 1 && Loc[0] == "body" ? string.Join('.', Loc.Skip(1)) : string.Join('.', Loc);
}
