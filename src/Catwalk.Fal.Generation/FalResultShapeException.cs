namespace Catwalk.Fal.Generation;

/// <summary>fal answered, but not in the shape the model's schema promises.</summary>
public sealed class FalResultShapeException(string endpointId, string problem)
    : Exception($"The result of {endpointId} {problem}; the model's output format may have changed.");
