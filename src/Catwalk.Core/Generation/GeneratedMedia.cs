namespace Catwalk.Generation;

/// <summary>A media file fal produced, where to fetch it and what fal says it is.</summary>
public sealed record GeneratedMedia(Uri Url, string? ContentType, string? FileName, long? SizeBytes, int? Width = null, int? Height = null);
