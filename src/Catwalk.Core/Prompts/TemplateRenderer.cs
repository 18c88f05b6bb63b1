using System.Text;
using System.Text.RegularExpressions;

namespace Catwalk.Prompts;

/// <summary>Fills {placeholders}; a line with any placeholder left empty is dropped, so optional attributes need no special cases.</summary>
internal static partial class TemplateRenderer
{
    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();

    public static string Render(IEnumerable<string> lines, IReadOnlyDictionary<string, string?> values)
    {
        var output = new StringBuilder();
        foreach (var line in lines)
        {
            var complete = true;
            var filled = Placeholder().Replace(line, m =>
            {
                var value = values.GetValueOrDefault(m.Groups[1].Value);
                if (string.IsNullOrWhiteSpace(value)) complete = false;
                return value?.Trim() ?? "";
            });
            if (!complete) continue;
            if (output.Length > 0) output.Append(' ');
            output.Append(filled);
        }
        return output.ToString();
    }
}
