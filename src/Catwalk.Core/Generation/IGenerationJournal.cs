using System.Text.Json.Nodes;

namespace Catwalk.Generation;

/// <summary>
/// Hears each step of a generation before it goes on, so nothing is lost and nothing is paid twice: the exact arguments
/// before they are sent, and the continuation before anything waits on it. A generator awaits each call.
/// </summary>
public interface IGenerationJournal
{
    /// <summary>The arguments exactly as they go on the wire, just before they are sent (never for a continued generation).</summary>
    ValueTask SendingAsync(JsonObject arguments, CancellationToken cancellationToken);

    /// <summary>fal accepted it: what collects it later.</summary>
    ValueTask SentAsync(GenerationContinuation continuation, CancellationToken cancellationToken);
}
