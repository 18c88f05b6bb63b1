namespace Catwalk.Pipelines.Outputs;

/// <summary>
/// Names one run: a sortable id and the file-name stamp <c>yyyyMMdd_HHmmss_xxxxxx</c>, whose random tail keeps
/// names unique when many runs start in the same second.
/// </summary>
public sealed record RunStamp(string RunId, DateTimeOffset StartedAt)
{
    /// <summary>The run's own outputs folder when it differs from the process's (a worker doing many teams' runs); null: the process's.</summary>
    public string? OutputRoot { get; init; }

    public string FileStamp => $"{StartedAt.UtcDateTime:yyyyMMdd_HHmmss}_{RunId[^6..]}";
    public string DateFolder => $"{StartedAt.UtcDateTime:yyyy_MM_dd}";

    public static RunStamp New(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new RunStamp(Guid.CreateVersion7(now).ToString("N"), now);
    }
}
