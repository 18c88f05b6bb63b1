using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Catalog;

namespace Catwalk.Emulator.Validation;

/// <summary>
/// Checks an input against the model's published schema the way fal's pydantic models do: required fields, types,
/// enums, string lengths, numeric limits, list items and published cross-field rules. Unknown fields are ignored.
/// </summary>
internal static class InputValidator
{
    public static IReadOnlyList<InputProblem> Validate(ModelDescriptor model, JsonObject input)
    {
        var problems = new List<InputProblem>();
        foreach (var field in model.Schema)
        {
            var value = input[field.Name];
            if (value is null)
            {
                // Absent: "missing". An explicit null for a required field is a wrong type in pydantic (None is not a str);
                // optional fields are Optional[...] on fal and take null as "not given".
                if (field.Required && !input.ContainsKey(field.Name)) problems.Add(new(field.Name, "Field required", "missing", input.DeepClone()));
                else if (field.Required) problems.Add(new(field.Name, $"Input should be a valid {PythonType(field.Type)}", $"{PythonType(field.Type)}_type", null));
                continue;
            }
            if (CheckField(field, value) is { } problem) problems.Add(problem);
        }
        if (problems.Count == 0) problems.AddRange(CheckRules(model, input));
        return problems;
    }

    private static InputProblem? CheckField(SchemaField field, JsonNode value)
    {
        var kind = value.GetValueKind();
        switch (field.Type)
        {
            case "string" when kind != JsonValueKind.String && !(field.AcceptsNumericString && kind == JsonValueKind.Number):
                return new(field.Name, "Input should be a valid string", "string_type", value);
            case "integer" when !IsInteger(value, field.AcceptsNumericString):
                return IntegerProblem(field.Name, value);
            case "number" when kind != JsonValueKind.Number:
                return new(field.Name, "Input should be a valid number", "float_type", value);
            case "boolean" when kind is not (JsonValueKind.True or JsonValueKind.False):
                return new(field.Name, "Input should be a valid boolean", "bool_type", value);
            case "string[]" when value is not JsonArray:
                return new(field.Name, "Input should be a valid list", "list_type", value);
            case "string[]" when FirstNonString((JsonArray)value) is { } at:
                return new(field.Name, "Input should be a valid string", "string_type", value[at]) { Item = at };
        }
        if (field.Enum is { Count: > 0 } allowed && !allowed.Any(a => SameValue(a, value, field.AcceptsNumericString)))
            return new(field.Name, $"Input should be {Expected(allowed)}", "literal_error", value, new JsonObject { ["expected"] = Expected(allowed) });
        if (kind == JsonValueKind.String && field.Type == "string")
        {
            var length = value.GetValue<string>().Length;
            if (field.MinLength is { } min && length < min)
                return new(field.Name, $"String should have at least {min} characters", "string_too_short", value, new JsonObject { ["min_length"] = min });
            if (field.MaxLength is { } max && length > max)
                return new(field.Name, $"String should have at most {max} characters", "string_too_long", null, new JsonObject { ["max_length"] = max });
        }
        if (JsonNumbers.TryGet(value, out var number) && field.Type is "integer" or "number")
        {
            if (field.Minimum is { } lo && number < lo)
                return new(field.Name, $"Input should be greater than or equal to {lo}", "greater_than_equal", value, new JsonObject { ["ge"] = lo });
            if (field.Maximum is { } hi && number > hi)
                return new(field.Name, $"Input should be less than or equal to {hi}", "less_than_equal", value, new JsonObject { ["le"] = hi });
        }
        return null;
    }

    private static IEnumerable<InputProblem> CheckRules(ModelDescriptor model, JsonObject input)
    {
        foreach (var rule in model.Rules)
        {
            var value = input[rule.When.Field] ?? model.Field(rule.When.Field)?.Default;
            if (!JsonNumbers.TryGet(value, out var number) || number <= rule.When.GreaterThan) continue;
            foreach (var (field, required) in rule.Require)
            {
                var actual = input[field] ?? model.Field(field)?.Default;
                if (!SameValue(required, actual ?? JsonValue.Create((string?)null), lenient: true))
                    yield return new(field, $"Value error, {rule.Message}", "value_error", actual);
            }
        }
    }

    /// <summary>pydantic's words for a value that is not an int: a fraction, an unparsable string, or the wrong type.</summary>
    private static InputProblem IntegerProblem(string field, JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Number => new(field, "Input should be a valid integer, got a number with a fractional part", "int_from_float", value),
        JsonValueKind.String when !double.TryParse(value.GetValue<string>(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) =>
            new(field, "Input should be a valid integer, unable to parse string as an integer", "int_parsing", value),
        _ => new(field, "Input should be a valid integer", "int_type", value),
    };

    /// <summary>pydantic's list of literals: <c>'4s', '6s' or '8s'</c> (strings quoted as Python repr, numbers bare).</summary>
    private static string Expected(IReadOnlyList<JsonNode?> allowed)
    {
        var items = allowed.Select(a => a?.GetValueKind() == JsonValueKind.String ? $"'{a.GetValue<string>()}'" : a?.ToJsonString() ?? "None").ToList();
        return items.Count < 2 ? string.Concat(items) : $"{string.Join(", ", items[..^1])} or {items[^1]}";
    }

    private static string PythonType(string schemaType) => schemaType switch
    {
        "integer" => "int", "number" => "float", "boolean" => "bool", "string[]" => "list", _ => "string",
    };

    private static int? FirstNonString(JsonArray array)
    {
        for (var i = 0; i < array.Count; i++)
            if (array[i]?.GetValueKind() != JsonValueKind.String) return i;
        return null;
    }

    private static bool IsInteger(JsonNode value, bool lenient) =>
        value.GetValueKind() switch
        {
            JsonValueKind.Number => JsonNumbers.TryGet(value, out var n) && n == Math.Floor(n),
            JsonValueKind.String => lenient && int.TryParse(value.GetValue<string>(), out _),
            _ => false,
        };

    private static bool SameValue(JsonNode? expected, JsonNode? actual, bool lenient)
    {
        if (JsonNode.DeepEquals(expected, actual)) return true;
        return lenient && JsonNumbers.TryGet(expected, out var a) && JsonNumbers.TryGet(actual, out var b) && a == b
               && !(actual!.GetValueKind() == JsonValueKind.String && actual.GetValue<string>().EndsWith('s'));
    }
}
