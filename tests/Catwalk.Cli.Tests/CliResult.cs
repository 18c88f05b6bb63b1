namespace Catwalk.Cli.Tests;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;

    /// <summary>True when the output shows a .NET stack trace, which a user mistake must never show.</summary>
    public bool HasStackTrace => Output.Contains("   at ") || Output.Contains("Exception:");

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
