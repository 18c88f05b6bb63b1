using System.Text.Json.Nodes;
using Catwalk.Generation;
using Catwalk.Pipelines.Outputs;

namespace Catwalk.Pipelines.Journal;

/// <summary>
/// A generator's steps written to a job's ticket: the arguments it sends (media URLs elided) before they are sent, the
/// request id before anything waits. What is recorded is what the generator put on the wire: one source of truth.
/// </summary>
internal sealed class TicketGenerationJournal(IJobTicket ticket, TimeProvider time, TimeSpan? startDeadline) : IGenerationJournal
{
    /// <summary>fal's request id once it accepted the job (for the outcome of a job that then failed).</summary>
    public string? RequestId { get; private set; }

    public ValueTask SendingAsync(JsonObject arguments, CancellationToken cancellationToken) =>
        ticket.SubmittingAsync(new JobSending(ElidedJson.From(arguments)!.ToJsonString(), time.GetUtcNow(), startDeadline), cancellationToken);

    public ValueTask SentAsync(GenerationContinuation continuation, CancellationToken cancellationToken)
    {
        RequestId = continuation.RequestId;
        return ticket.SubmittedAsync(continuation.RequestId, time.GetUtcNow(), cancellationToken);
    }
}
