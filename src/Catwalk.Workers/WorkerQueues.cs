namespace Catwalk.Workers;

/// <summary>
/// Hangfire queues by where a run's calls go: a run made against the emulator is only ever done by workers on an
/// emulator, and a run for fal only by workers with a key — a worker never pays for an emulated run, nor fakes a real one.
/// </summary>
public static class WorkerQueues
{
    public const string Fal = "fal";
    public const string Emulated = "emulated";

    public static string For(bool emulated) => emulated ? Emulated : Fal;
}
