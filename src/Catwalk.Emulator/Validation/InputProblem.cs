using System.Text.Json.Nodes;

namespace Catwalk.Emulator.Validation;

/// <summary>One entry of a 422 <c>detail</c> list, as FastAPI/pydantic (and so fal) word it.</summary>
internal sealed record InputProblem(string Field, string Message, string Type, JsonNode? Input = null, JsonObject? Context = null)
{
    /// <summary>The whole body (e.g. not a JSON object): pass an empty <see cref="Field"/> and loc is <c>["body"]</c>.</summary>
    public const string WholeBody = "";

    /// <summary>For a problem with one item of a list, its index: pydantic's loc is then <c>["body", field, index]</c>.</summary>
    public int? Item { get; init; }

    /// <summary>The body of fal's 422: <c>{"detail": [problem, …]}</c>.</summary>
    public static JsonObject Detail(IEnumerable<InputProblem> problems) => new() { ["detail"] = new JsonArray([.. problems.Select(p => (JsonNode)p.ToJson())]) };

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["loc"] = Field.Length == 0 ? new JsonArray("body") : Item is { } item ? new JsonArray("body", Field, item) : new JsonArray("body", Field),
            ["msg"] = Message,
            ["type"] = Type,
            ["url"] = $"https://docs.fal.ai/errors#{Type}",
        };
        if (Input is not null) json["input"] = Input.DeepClone();
        if (Context is not null) json["ctx"] = Context.DeepClone();
        return json;
    }
}
