namespace Catwalk.Fal;

/// <summary>One entry of fal's 422 <c>detail</c> list: where (<c>loc</c>), what (<c>msg</c>) and its machine type.</summary>
public sealed record FalValidationError(IReadOnlyList<string> Location, string Message, string Type)
{
    /// <summary>The input field, e.g. <c>duration</c> for loc <c>["body","duration"]</c>.</summary>
    public string Field => Location.Count > 1 && Location[0] == "body" ? string.Join('.', Location.Skip(1)) : string.Join('.', Location);
}
