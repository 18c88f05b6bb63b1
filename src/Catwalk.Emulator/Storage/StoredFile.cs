namespace Catwalk.Emulator.Storage;

/// <summary>
/// A file the emulator serves under <c>/files/{id}/{name}</c>; an uploaded one may carry the expiry its uploader asked
/// for (<c>X-Fal-Object-Lifecycle</c>), after which it is gone, as at fal. Null: kept for the emulator's life.
/// </summary>
internal sealed record StoredFile(string Id, string Name, string Path, string ContentType, DateTimeOffset? ExpiresAt = null);
