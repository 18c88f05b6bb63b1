using Catwalk.Quality.Fashion;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// One sampled frame of a job's frame strip: what the vision worker found there, and the size of the picture it
/// measured (<see cref="Width"/> × <see cref="Height"/>), which every box, keypoint and outline is in.
/// </summary>
public sealed record StripFrame(int Index, FashionFrame Frame, int Width, int Height, bool IsLowest)
{
    public string ThumbnailUrl(string jobId) => $"media/{Uri.EscapeDataString(jobId)}/frames/{Index}";

    public string FaceUrl(string jobId) => $"media/{Uri.EscapeDataString(jobId)}/frames/{Index}/face";
}
