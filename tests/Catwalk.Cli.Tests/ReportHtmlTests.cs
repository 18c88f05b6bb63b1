using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary><c>catwalk report --html</c> (and <c>--pdf</c> with and without Chromium) on a real emulated run.</summary>
public sealed class ReportHtmlTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static async Task<TempDirectory> RunAsync()
    {
        var dir = new TempDirectory();
        TestImages.WritePng(dir.File("look.png"), 256, 384);
        var run = await CliRunner.RunAsync(dir.Path, null, "video", "--image", "look.png", "--models", "ltx,kling", "--duration", "5", "--latency-scale", "0", "--no-metrics");
        run.ExitCode.ShouldBe(0, run.ToString());
        return dir;
    }

    [Fact]
    public async Task Html_and_pdf_are_written_when_chromium_is_there()
    {
        File.Exists(Chromium).ShouldBeTrue($"This test needs Debian's Chromium at {Chromium}: apt-get install -y chromium (./test installs it when run as root).");
        using var dir = await RunAsync();
        var result = await CliRunner.RunAsync(dir.Path, null, "report", "--html", "shared/report.html", "--pdf", "shared/report.pdf");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Report written to ");
        result.Stdout.ShouldContain("PDF written to ");

        var html = await File.ReadAllTextAsync(dir.File("shared/report.html"));
        html.ShouldStartWith("<!doctype html>");
        html.ShouldContain("<svg id=\"chart-cost\"");
        html.ShouldContain("data:image/jpeg;base64,");
        html.ShouldNotContain("http://127.0.0.1"); // nothing points back at the emulator or a server
        html.ShouldNotContain("<script");
        var pdf = await File.ReadAllBytesAsync(dir.File("shared/report.pdf"));
        System.Text.Encoding.ASCII.GetString(pdf, 0, 4).ShouldBe("%PDF");
        pdf.Length.ShouldBeGreaterThan(10_000); // the charts and frames, not an empty page
        Directory.GetFiles(dir.File("shared")).Select(Path.GetFileName).Order().ShouldBe(["report.html", "report.pdf"]); // no temporary file left behind
    }

    [Fact]
    public async Task Without_chromium_the_html_is_written_and_one_line_says_how_to_get_a_pdf()
    {
        using var dir = await RunAsync();
        // A PATH with ffmpeg (for the frames) and dotnet, but no Chromium.
        var bin = Directory.CreateDirectory(dir.File("bin")).FullName;
        foreach (var tool in new[] { "ffmpeg", "ffprobe" }) File.CreateSymbolicLink(Path.Combine(bin, tool), $"/usr/bin/{tool}");
        var result = await CliRunner.RunAsync(dir.Path, new Dictionary<string, string> { ["PATH"] = bin }, "report", "--json", "--html", "report.html", "--pdf", "report.pdf");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.Split('\n').ShouldContain("No PDF: --pdf needs Chromium (sudo apt-get install -y chromium); the HTML report is written.");
        File.Exists(dir.File("report.html")).ShouldBeTrue();
        File.Exists(dir.File("report.pdf")).ShouldBeFalse();
        result.Stdout.TrimStart().ShouldStartWith("{"); // --json's stdout is still one JSON document
    }

    [Theory]
    [InlineData("--pdf", "r.pdf", "give --html report.html too")]
    [InlineData("--html", ".", "is a folder")]
    public async Task A_bad_option_is_one_line_and_exit_2(string option, string value, string says)
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync(dir.Path, null, "report", option, value);
        result.ExitCode.ShouldBe(2, result.ToString());
        result.HasStackTrace.ShouldBeFalse(result.ToString());
        result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldContain(says);
    }
}
