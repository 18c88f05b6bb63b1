using System.ComponentModel;
using System.Diagnostics;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// Prints an HTML file to PDF with headless Chromium (<c>--print-to-pdf</c>), when it is installed: into a temporary file
/// beside the target, renamed into place once Chromium wrote a PDF. Chromium gets a throwaway profile and no sandbox
/// (it runs as root on servers), and is stopped if it has not finished in two minutes.
/// </summary>
internal static class ChromiumPdf
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    public const string InstallHint = "sudo apt-get install -y chromium";

    /// <summary>The first Chromium on PATH; null when there is none.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .SelectMany(dir => Names.Select(name => Path.Combine(dir, name))).FirstOrDefault(File.Exists);

    /// <summary>Prints <paramref name="html"/> to <paramref name="pdf"/>; the problem in words when Chromium did not make one.</summary>
    public static async Task<string?> PrintAsync(string chromium, string html, string pdf, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(pdf);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var profile = Directory.CreateTempSubdirectory("catwalk-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-pdf-header-footer", $"--user-data-dir={profile}", $"--print-to-pdf={temp}", new Uri(Path.GetFullPath(html)).AbsoluteUri })
                start.ArgumentList.Add(arg);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            Process process;
            try { process = Process.Start(start)!; }
            catch (Win32Exception e) { return $"{chromium} could not be started ({e.Message})"; }
            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
                try { await process.WaitForExitAsync(timeout.Token); }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    if (cancellationToken.IsCancellationRequested) throw;
                    return "Chromium did not finish printing in two minutes";
                }
                await stdout;
                var error = await stderr;
                if (!File.Exists(temp) || new FileInfo(temp).Length == 0)
                    return $"Chromium made no PDF (exit {process.ExitCode}){(error.Trim().Length > 0 ? ": " + error.Trim().Split('\n')[^1] : "")}";
            }
            File.Move(temp, target, overwrite: true);
            return null;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } // Chromium's last writes may still be landing
        }
    }
}
