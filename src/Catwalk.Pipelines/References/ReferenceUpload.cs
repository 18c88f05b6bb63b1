namespace Catwalk.Pipelines.References;

/// <summary>
/// A reference picture already in fal's storage: its content (SHA-256 of the user's original file, as cache keys
/// use), the URL models fetch it from, what was sent (type and size, maybe a smaller lossless PNG), when, and until
/// when fal keeps it (the expiry Catwalk asked for).
/// </summary>
public sealed record ReferenceUpload(string Sha256, Uri Url, string ContentType, long Bytes, DateTimeOffset UploadedAt, DateTimeOffset ExpiresAt);
