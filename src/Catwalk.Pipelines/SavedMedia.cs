using Catwalk.Pipelines.Outputs;

namespace Catwalk.Pipelines;

/// <summary>A media file saved under the outputs folder.</summary>
public sealed record SavedMedia(string FullPath, MediaFileInfo File);
