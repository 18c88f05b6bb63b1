namespace Catwalk.Telemetry;

/// <summary>Span names: <c>run</c>, <c>job</c>, and each <see cref="CatwalkPhase"/> in snake_case.</summary>
public static class CatwalkPhaseNames
{
    public const string Run = "run";
    public const string Job = "job";

    public static string Of(CatwalkPhase phase) => phase switch
    {
        CatwalkPhase.Upload => "upload",
        CatwalkPhase.Submit => "submit",
        CatwalkPhase.QueueWait => "queue_wait",
        CatwalkPhase.Inference => "inference",
        CatwalkPhase.Download => "download",
        CatwalkPhase.Verify => "verify",
        CatwalkPhase.Metrics => "metrics",
        CatwalkPhase.Total => "total",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    /// <summary>Starts the phase's span under the current one (null when nothing listens).</summary>
    public static System.Diagnostics.Activity? Start(CatwalkPhase phase) => CatwalkTelemetry.Source.StartActivity(Of(phase));
}
