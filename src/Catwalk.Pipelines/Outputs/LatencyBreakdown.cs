namespace Catwalk.Pipelines.Outputs;

/// <summary>Seconds spent waiting in fal's queue, running on fal, and downloading the result; total is all three.</summary>
public sealed record LatencyBreakdown(double QueueWaitSec, double InferenceSec, double DownloadSec)
{
    public double TotalSec => Math.Round(QueueWaitSec + InferenceSec + DownloadSec, 3);
}
