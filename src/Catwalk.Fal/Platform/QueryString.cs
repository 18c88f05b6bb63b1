using System.Globalization;
using System.Text;

namespace Catwalk.Fal.Platform;

/// <summary>A query string built parameter by parameter; multi-value parameters repeat (<c>?endpoint_id=a&amp;endpoint_id=b</c>), nulls are left out.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder _text = new();

    public QueryString Add(string name, string? value)
    {
        if (string.IsNullOrEmpty(value)) return this;
        _text.Append(_text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    public QueryString Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryString AddEach(string name, IEnumerable<string> values)
    {
        foreach (var value in values) Add(name, value);
        return this;
    }

    public override string ToString() => _text.ToString();
}
