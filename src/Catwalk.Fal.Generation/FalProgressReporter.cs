using Catwalk.Fal;
using Catwalk.Generation;

namespace Catwalk.Fal.Generation;

/// <summary>Turns fal's queue updates into <see cref="GenerationProgress"/>, passing on only log lines not yet reported.</summary>
internal sealed class FalProgressReporter(string modelKey, IProgress<GenerationProgress> target) : IProgress<FalQueueStatus>
{
    private int _logsSeen;
    private FalQueueState? _lastState;
    private int? _lastPosition;

    public string? RequestId { get; set; }

    public void Report(FalQueueStatus value)
    {
        var newLogs = value.Logs.Skip(_logsSeen).Select(l => l.Message).ToList();
        _logsSeen = Math.Max(_logsSeen, value.Logs.Count);
        if (newLogs.Count == 0 && value.State == _lastState && value.QueuePosition == _lastPosition) return;
        _lastState = value.State;
        _lastPosition = value.QueuePosition;
        var stage = value.State switch
        {
            FalQueueState.InQueue => GenerationStage.Queued,
            FalQueueState.InProgress => GenerationStage.Running,
            _ => GenerationStage.Completed,
        };
        target.Report(new GenerationProgress(modelKey, stage, RequestId, value.QueuePosition, newLogs));
    }
}
