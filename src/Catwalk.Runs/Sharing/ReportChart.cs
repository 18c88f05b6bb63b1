namespace Catwalk.Runs.Sharing;

/// <summary>One chart of the recommendation's numbers: its inline SVG, its title, and the same numbers as a table (its text alternative).</summary>
public sealed record ReportChart(string Id, string Title, string Svg, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);
