namespace Catwalk.Emulator.Faults;

/// <summary>Where in fal's protocol a fault strikes.</summary>
public enum FaultStage
{
    Submit,
    Status,
    Stream,
    Result,
    Cancel,
    Upload,
    Download,
    /// <summary>The job itself, while it runs on the (emulated) GPU.</summary>
    Job,
    /// <summary>fal's Platform APIs (<c>/v1/models…</c>): models, pricing, usage, request history.</summary>
    Platform,
}
