namespace Catwalk.Generation;

public enum GenerationStage
{
    Submitting,
    Queued,
    Running,
    Completed,
}
