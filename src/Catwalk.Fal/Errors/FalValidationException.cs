namespace Catwalk.Fal;

/// <summary>fal refused the input (HTTP 422); the message names each field and why.</summary>
public sealed class FalValidationException(string endpointId, IReadOnlyList<FalValidationError> errors, string? requestId = null)
    : FalException($"fal rejected the input of {endpointId}: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Msg}"))}", 422, requestId, endpointId)
{
    public IReadOnlyList<FalValidationError> Errors { get; } = errors;
}
