using System.Diagnostics;

namespace Catwalk.Cli.Tests;

/// <summary>Runs the real catwalk program in its own process, with an environment the test controls (no FAL_KEY unless given).</summary>
public static class CliRunner
{
    private static readonly string[] Secrets = ["FAL_KEY", "FAL_KEY_ID", "FAL_KEY_SECRET", "FAL_API_KEY", "FAL_ADMIN_KEY", "CATWALK_FAL_QUEUE_URL", "CATWALK_FAL_STORAGE_URL", "CATWALK_FAL_API_URL"];

    public static string ProgramPath => Path.Combine(AppContext.BaseDirectory, "catwalk.dll");

    public static Task<CliResult> RunAsync(string workingDirectory, IDictionary<string, string>? environment = null, params string[] args) =>
        RunAsync(workingDirectory, environment, whileRunning: null, args);

    /// <summary>Runs catwalk; <paramref name="whileRunning"/> gets its process id as soon as it started (e.g. to signal it).</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, IDictionary<string, string>? environment, Func<int, Task>? whileRunning, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, environment, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (whileRunning is not null) await whileRunning(process.Id);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts catwalk and returns at once, for long-running commands (a worker) the test stops itself.</summary>
    public static CliProcess Start(string workingDirectory, IDictionary<string, string>? environment, params string[] args) =>
        new(Process.Start(StartInfo(workingDirectory, environment, args))!);

    private static ProcessStartInfo StartInfo(string workingDirectory, IDictionary<string, string>? environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ProgramPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in Secrets) start.Environment.Remove(name);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(workingDirectory, ".cache"); // renders of its own, not the user's cache
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return start;
    }
}
