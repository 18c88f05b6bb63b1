namespace Catwalk.Runs.Import;

/// <summary>A metadata file that was not imported, and why, in words that say what to fix.</summary>
public sealed record ImportProblem(string Path, string Message);
