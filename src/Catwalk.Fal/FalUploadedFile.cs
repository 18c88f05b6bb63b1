namespace Catwalk.Fal;

/// <summary>
/// A file in fal's storage: the URL models fetch it from, and until when it is there at the latest — the upload's start
/// plus the lifetime Catwalk asked for, so never later than fal's own deletion of it.
/// </summary>
public sealed record FalUploadedFile(Uri Url, DateTimeOffset ExpiresAt);
