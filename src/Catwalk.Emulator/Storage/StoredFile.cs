namespace Catwalk.Emulator.Storage;

/// <summary>A file the emulator serves under <c>/files/{id}/{name}</c>.</summary>
internal sealed record StoredFile(string Id, string Name, string Path, string ContentType);
