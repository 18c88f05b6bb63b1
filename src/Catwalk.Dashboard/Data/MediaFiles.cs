using Catwalk.Store;
using Microsoft.AspNetCore.StaticFiles;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// Where a job's media is on disk — only for a job the store knows, whose file exists: a relative path must stay
/// inside its run's output folder (an absolute one is an import's file where it was found). Nothing else is served.
/// </summary>
public sealed class MediaFiles(IRunJobStore store)
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    public async Task<MediaFile?> FindAsync(string jobId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(jobId) || jobId.Length > 200) return null;
        var job = await store.GetJobAsync(jobId, ct);
        if (job?.FilePath is not { Length: > 0 } stored) return null;
        var run = await store.GetRunAsync(job.RunId, ct);
        if (run is null || run.Id != job.RunId) return null;
        var path = Resolve(run.OutputRoot, stored);
        if (path is null || !File.Exists(path)) return null;
        return new MediaFile(path, ContentType(job, path));
    }

    /// <summary>
    /// A job's media only when it lies inside its run's output folder, absolute paths included (an import's file found
    /// elsewhere is refused): for what the dashboard derives from the file with ffmpeg (frame thumbnails).
    /// </summary>
    public async Task<(JobRecord Job, MediaFile File)?> FindInOutputsAsync(string jobId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(jobId) || jobId.Length > 200) return null;
        var job = await store.GetJobAsync(jobId, ct);
        if (job?.FilePath is not { Length: > 0 } stored || stored.Contains('\0')) return null;
        var run = await store.GetRunAsync(job.RunId, ct);
        if (run is null || run.Id != job.RunId) return null;
        var path = Inside(Path.GetFullPath(run.OutputRoot), Path.GetFullPath(Path.Combine(run.OutputRoot, stored)));
        return path is not null && File.Exists(path) ? (job, new MediaFile(path, ContentType(job, path))) : null;
    }

    private static string? Inside(string root, string full)
    {
        var relative = Path.GetRelativePath(root, full);
        return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : full;
    }

    private static string? Resolve(string outputRoot, string stored)
    {
        if (stored.Contains('\0')) return null;
        if (Path.IsPathRooted(stored)) return Path.GetFullPath(stored);
        var root = Path.GetFullPath(outputRoot);
        return Inside(root, Path.GetFullPath(Path.Combine(root, stored)));
    }

    private static string ContentType(JobRecord job, string path) =>
        job.ContentType is { Length: > 0 } type && type.Contains('/') ? type
        : Types.TryGetContentType(path, out var guessed) ? guessed : "application/octet-stream";
}
