namespace Catwalk.Pipelines.Outputs;

/// <summary>A saved media file: where (relative to the outputs folder), how big, its SHA-256, and its type.</summary>
public sealed record MediaFileInfo(string Path, long SizeBytes, string Sha256, string? ContentType);
