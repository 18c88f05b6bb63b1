namespace Catwalk.Runs.Import;

/// <summary>
/// What an import did. <see cref="Found"/> metadata files = <see cref="Added"/> new jobs + <see cref="Skipped"/>
/// (already in the store) + <see cref="Problems"/> (not imported). <see cref="RunId"/> is the import run, or null
/// when nothing was new (the store then keeps no run for it).
/// </summary>
public sealed record ImportResult(string? RunId, int Found, int Added, int Skipped, IReadOnlyList<ImportProblem> Problems);
