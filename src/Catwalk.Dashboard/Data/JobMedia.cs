using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>What kind of media a job made, from its content type or file name.</summary>
public static class JobMedia
{
    public static bool IsVideo(JobRecord job) =>
        job.ContentType?.StartsWith("video/", StringComparison.OrdinalIgnoreCase) == true
        || (job.ContentType is null && job.FilePath?.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) == true);

    public static bool IsImage(JobRecord job) =>
        job.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true
        || (job.ContentType is null && (job.FilePath?.EndsWith(".png", StringComparison.OrdinalIgnoreCase) == true || job.FilePath?.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) == true));

    public static string Url(JobRecord job) => $"media/{Uri.EscapeDataString(job.Id)}";
}
