using System.Globalization;
using System.Net;
using System.Text;

namespace Catwalk.Runs.Sharing;

/// <summary>
/// Charts as inline SVG, drawn here (no script, no font, nothing fetched): horizontal bars with optional interval whiskers,
/// grouped bars, and a scatter with a frontier line. Each SVG is <c>role="img"</c> with a <c>&lt;title&gt;</c> and
/// <c>&lt;desc&gt;</c> (aria-labelledby); the report puts the same numbers in a table beside it. Text uses currentColor,
/// so the page's light or dark scheme colours it.
/// </summary>
public static class SvgCharts
{
    private const int Width = 640;
    private const int LabelWidth = 150;
    private const int RowHeight = 26;
    private const int Top = 12;
    private const int AxisHeight = 34;

    /// <summary>Horizontal bars, one per model; whiskers where a bar has an interval.</summary>
    public static string Bars(string id, string title, string description, IReadOnlyList<ChartBar> bars, ModelPalette palette, Func<double, string> format, bool dotsOnly = false)
    {
        var height = Top + bars.Count * RowHeight + AxisHeight;
        // Bars start at 0; dots (a value with its interval) span the data, padded, so close values stay apart.
        var (min, max) = dotsOnly ? Range(bars.SelectMany(b => new[] { b.Lower ?? b.Value, b.Upper ?? b.Value, b.Value }))
            : (0, bars.Count == 0 ? 1 : bars.Max(b => Math.Max(b.Value, b.Upper ?? b.Value)));
        if (max <= min) max = min + 1;
        var plot = Width - LabelWidth - 70;
        double X(double v) => LabelWidth + (v - min) / (max - min) * plot;
        var svg = Open(id, title, description, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Top + i * RowHeight;
            var colour = palette.Of(bar.Model);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\">{E(bar.Model)}</text>");
            if (dotsOnly) svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(X(bar.Value))}\" cy=\"{y + 13}\" r=\"6\" fill=\"{colour}\" data-model=\"{E(bar.Model)}\"/>");
            else svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 4}\" width=\"{N(Math.Max(1, X(bar.Value) - LabelWidth))}\" height=\"{RowHeight - 8}\" fill=\"{colour}\" data-model=\"{E(bar.Model)}\"/>");
            if (bar.Lower is { } lower && bar.Upper is { } upper)
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{N(X(lower))} {y + 13}H{N(X(upper))}M{N(X(lower))} {y + 7}V{y + 19}M{N(X(upper))} {y + 7}V{y + 19}\" stroke=\"currentColor\" stroke-width=\"1.5\" fill=\"none\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(bar.Upper ?? bar.Value) + 6)}\" y=\"{y + 17}\" class=\"value\">{E(format(bar.Value))}</text>");
        }
        Axis(svg, height, X(min), X(max), format(min), format(max));
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Two bars per model (e.g. latency p50 and p95), the second lighter.</summary>
    public static string PairedBars(string id, string title, string description, IReadOnlyList<(string Model, double First, double Second)> rows, string firstName, string secondName, ModelPalette palette, Func<double, string> format)
    {
        var height = Top + rows.Count * RowHeight * 2 + AxisHeight + 18;
        var max = rows.Count == 0 ? 1 : Math.Max(1e-9, rows.Max(r => Math.Max(r.First, r.Second)));
        var plot = Width - LabelWidth - 70;
        double X(double v) => LabelWidth + v / max * plot;
        var svg = Open(id, title, description, height);
        for (var i = 0; i < rows.Count; i++)
        {
            var (model, first, second) = rows[i];
            var y = Top + i * RowHeight * 2;
            var colour = palette.Of(model);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 22}\" text-anchor=\"end\">{E(model)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{N(Math.Max(1, X(first) - LabelWidth))}\" height=\"{RowHeight - 8}\" fill=\"{colour}\" data-model=\"{E(model)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(first) + 6)}\" y=\"{y + 16}\" class=\"value\">{E(firstName)} {E(format(first))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + RowHeight - 1}\" width=\"{N(Math.Max(1, X(second) - LabelWidth))}\" height=\"{RowHeight - 8}\" fill=\"{colour}\" fill-opacity=\"0.45\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(second) + 6)}\" y=\"{y + RowHeight + 12}\" class=\"value\">{E(secondName)} {E(format(second))}</text>");
        }
        Axis(svg, height - 18, X(0), X(max), format(0), format(max));
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Quality (up) against cost (right); the frontier joins the models no other is both better and cheaper than.</summary>
    public static string Scatter(string id, string title, string description, IReadOnlyList<ScatterPoint> points, ModelPalette palette, Func<double, string> formatCost, Func<double, string> formatQuality)
    {
        const int height = 360, left = 70, right = 30, top = 16, bottom = 50;
        var (minX, maxX) = Range(points.Select(p => p.Cost));
        var (minY, maxY) = Range(points.Select(p => p.Quality));
        double X(double v) => left + (v - minX) / (maxX - minX) * (Width - left - right);
        double Y(double v) => height - bottom - (v - minY) / (maxY - minY) * (height - top - bottom);
        var svg = Open(id, title, description, height);
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{left} {top}V{height - bottom}H{Width - right}\" stroke=\"currentColor\" stroke-opacity=\"0.5\" fill=\"none\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{height - bottom + 16}\" class=\"axis\">{E(formatCost(minX))}</text><text x=\"{Width - right}\" y=\"{height - bottom + 16}\" text-anchor=\"end\" class=\"axis\">{E(formatCost(maxX))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(left + Width - right) / 2}\" y=\"{height - 12}\" text-anchor=\"middle\" class=\"axis\">$ per video second →</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{height - bottom}\" text-anchor=\"end\" class=\"axis\">{E(formatQuality(minY))}</text><text x=\"{left - 6}\" y=\"{top + 10}\" text-anchor=\"end\" class=\"axis\">{E(formatQuality(maxY))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {(top + height - bottom) / 2}) rotate(-90)\" text-anchor=\"middle\" class=\"axis\">quality →</text>");
        var frontier = points.Where(p => p.OnFrontier).OrderBy(p => p.Cost).ToList();
        if (frontier.Count > 1)
            svg.Append("<path class=\"frontier\" d=\"").AppendJoin("", frontier.Select((p, i) => $"{(i == 0 ? "M" : "L")}{N(X(p.Cost))} {N(Y(p.Quality))}")).Append("\" stroke=\"currentColor\" stroke-dasharray=\"5 4\" fill=\"none\"/>");
        foreach (var p in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(X(p.Cost))}\" cy=\"{N(Y(p.Quality))}\" r=\"7\" fill=\"{palette.Of(p.Model)}\" data-model=\"{E(p.Model)}\"{(p.OnFrontier ? " stroke=\"currentColor\" stroke-width=\"2.5\"" : "")}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(p.Cost) + 10)}\" y=\"{N(Y(p.Quality) + 4)}\">{E(p.Model)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static (double Min, double Max) Range(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count == 0) return (0, 1);
        var (min, max) = (list.Min(), list.Max());
        var pad = max - min < 1e-12 ? Math.Max(Math.Abs(max) * 0.1, 0.01) : (max - min) * 0.12;
        return (min - pad, max + pad);
    }

    private static StringBuilder Open(string id, string title, string description, int height) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<svg id=\"{E(id)}\" class=\"chart\" role=\"img\" aria-labelledby=\"{E(id)}-title {E(id)}-desc\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\" fill=\"currentColor\">")
        .Append(CultureInfo.InvariantCulture, $"<title id=\"{E(id)}-title\">{E(title)}</title><desc id=\"{E(id)}-desc\">{E(description)}</desc>");

    private static void Axis(StringBuilder svg, int height, double x0, double x1, string from, string to)
    {
        var y = height - AxisHeight + 8;
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{N(x0)} {y}H{N(x1)}\" stroke=\"currentColor\" stroke-opacity=\"0.5\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x0)}\" y=\"{y + 16}\" class=\"axis\">{E(from)}</text><text x=\"{N(x1)}\" y=\"{y + 16}\" text-anchor=\"end\" class=\"axis\">{E(to)}</text>");
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
