namespace Catwalk.Fal;

/// <summary>A media file saved in full: where, how many bytes, its SHA-256 (hex), its content type and how long it took.</summary>
public sealed record DownloadedMedia(string Path, long SizeBytes, string Sha256, string? ContentType, TimeSpan Elapsed);
