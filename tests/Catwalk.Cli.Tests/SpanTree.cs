using System.Diagnostics;
using System.Text;

namespace Catwalk.Cli.Tests;

/// <summary>Spans of one trace as a tree: children under their parent, in start order, with their durations and chosen tags.</summary>
public sealed class SpanTree(IReadOnlyList<Activity> spans)
{
    private static readonly string[] Shown = ["catwalk.stage", "catwalk.model.key", "catwalk.job.state", "catwalk.request_id", "catwalk.cost_usd", "catwalk.emulated", "catwalk.bytes", "http.response.status_code"];

    public IReadOnlyList<Activity> Spans { get; } = spans;

    public IEnumerable<Activity> ChildrenOf(Activity parent) =>
        Spans.Where(s => s.ParentSpanId == parent.SpanId).OrderBy(s => s.StartTimeUtc);

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var root in Spans.Where(s => Spans.All(p => p.SpanId != s.ParentSpanId)).OrderBy(s => s.StartTimeUtc)) Write(root, 0, text);
        return text.ToString();
    }

    private void Write(Activity span, int depth, StringBuilder text)
    {
        var tags = string.Join(" ", Shown.Select(k => (k, v: span.GetTagItem(k))).Where(t => t.v is not null).Select(t => $"{t.k.Replace("catwalk.", "")}={t.v}"));
        text.Append(' ', depth * 2).Append(span.DisplayName).Append($"  {span.Duration.TotalMilliseconds:0} ms  ").AppendLine(tags);
        foreach (var child in ChildrenOf(span)) Write(child, depth + 1, text);
    }
}
