using System.Text.Json;
using Microsoft.Playwright;

namespace Catwalk.Dashboard.Tests.Support;

/// <summary>
/// axe-core (npm, pinned in tests/a11y/package-lock.json; <c>./test</c> installs it) injected into a live page and run
/// over the whole document. Without the package the tests fail and say how to install it — they never pass unchecked.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(Load);

    /// <summary>The serious and critical violations on the page as it is now.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Content = Script.Value });
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary ?? '' })) })));
            }
            """);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>One line per violating node: its rule, impact, the element and what axe says to fix.</summary>
    public static string Describe(IEnumerable<AxeViolation> violations) => string.Join("\n", violations.SelectMany(v => v.Nodes.Select(n =>
        $"{v.Id} ({v.Impact}): {v.Help} — at {n.Target}: {Shorten(n.Html)} — {n.Summary.ReplaceLineEndings(" ")}")));

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";

    private static string Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "a11y", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(path)) return File.ReadAllText(path);
            if (File.Exists(Path.Combine(dir.FullName, "tests", "a11y", "package.json")))
                throw new InvalidOperationException($"axe-core is not installed: npm ci --prefix {Path.Combine(dir.FullName, "tests", "a11y")} (./test does it).");
        }
        throw new InvalidOperationException("tests/a11y not found above the test's folder: run the tests from a checkout.");
    }
}
