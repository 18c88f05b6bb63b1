namespace Catwalk.Store;

/// <summary>
/// A reference picture in a storage service (<see cref="Storage"/>: its base URL, fal's or an emulator's), by the
/// SHA-256 of the user's file: the URL it has there, what was sent (type, bytes), when, and the expiry Catwalk asked
/// for. Times are unix ms.
/// </summary>
public sealed record ReferenceUploadRecord
{
    public required string Storage { get; init; }
    public required string Sha256 { get; init; }
    public required string Url { get; init; }
    public string? ContentType { get; init; }
    public long? Bytes { get; init; }
    public long UploadedAt { get; init; }
    public long ExpiresAt { get; init; }
}
