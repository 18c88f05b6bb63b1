namespace Catwalk.Quality.Fashion;

/// <summary>Asks for fashion metrics: against which references, on how many sampled frames, with which worker (null: the process's shared one).</summary>
public sealed record FashionOptions(FashionReferences References, int Frames = FashionOptions.DefaultFrames, VisionWorker? Worker = null)
{
    public const int DefaultFrames = 8;
}
