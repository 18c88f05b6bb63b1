using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>One image of a look (an image model, at an angle when the run has angles) and every video model's video of it.</summary>
public sealed record MatrixRow(JobRecord? Image, string? ImageModel, string? Angle, IReadOnlyList<MatrixCell> Cells)
{
    public bool HasImage => Image is { State: JobState.Downloaded } image && JobMedia.IsImage(image);

    public string Label => string.Join(" · ", new[] { ImageModel ?? "image", Angle }.OfType<string>());
}
