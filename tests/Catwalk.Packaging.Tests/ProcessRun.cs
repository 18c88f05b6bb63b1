using System.Diagnostics;

namespace Catwalk.Packaging.Tests;

/// <summary>A finished process: its exit code and everything it wrote.</summary>
public sealed record ProcessRun(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;

    /// <summary>Runs a program to the end in a folder, with an environment the test controls (no fal key, ever).</summary>
    public static async Task<ProcessRun> RunAsync(string program, string workingDirectory, IEnumerable<string> args,
        IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = Process.Start(StartInfo(program, workingDirectory, args, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(8));
        try { await process.WaitForExitAsync(cancel.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish: {await stdout}{await stderr}");
        }
        return new ProcessRun(process.ExitCode, await stdout, await stderr);
    }

    public static ProcessStartInfo StartInfo(string program, string workingDirectory, IEnumerable<string> args, IDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in new[] { "FAL_KEY", "FAL_KEY_ID", "FAL_KEY_SECRET", "FAL_API_KEY", "CATWALK_FAL_QUEUE_URL", "CATWALK_FAL_STORAGE_URL", "CATWALK_DB" })
            start.Environment.Remove(name);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return start;
    }

    public ProcessRun ShouldSucceed(string what)
    {
        if (ExitCode != 0) throw new InvalidOperationException($"{what} exited {ExitCode}: {Output}");
        return this;
    }
}
