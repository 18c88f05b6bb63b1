namespace Catwalk.Fal;

/// <summary>Saves a media URL to a file, streamed, verified and atomically placed.</summary>
public interface IFalMediaDownloader
{
    Task<DownloadedMedia> DownloadAsync(Uri source, string destinationPath, CancellationToken cancellationToken = default);
}
