namespace Catwalk.Store;

/// <summary>A <see cref="RunKind"/>'s word (stored, shown and tagged in telemetry) and the kind a stored word names.</summary>
public static class RunKindNames
{
    extension(RunKind kind)
    {
        /// <summary>The lower-case word the store holds and views show ("batch").</summary>
        public string Name() => kind switch
        {
            RunKind.Run => "run",
            RunKind.Batch => "batch",
            RunKind.Image => "image",
            RunKind.Video => "video",
            RunKind.Import => "import",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>Every kind's word, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<RunKind>().Select(k => k.Name())];

    public static bool TryParse(string? name, out RunKind kind)
    {
        foreach (var candidate in Enum.GetValues<RunKind>())
            if (string.Equals(candidate.Name(), name?.Trim(), StringComparison.OrdinalIgnoreCase)) { kind = candidate; return true; }
        kind = default;
        return false;
    }

    public static RunKind Parse(string name) => TryParse(name, out var kind)
        ? kind
        : throw new FormatException($"'{name}' is not a run kind ({string.Join(", ", All)}).");
}
